using System.Diagnostics;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Tests.Support;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Tests;

public class ReceiverSafetyTests
{
    private static readonly Serializer Serializer = new();

    private static byte[] Craft(Action<ObjectWriter> write)
    {
        var writer = new ObjectWriter(Serializer.Registry);
        write(writer);
        return writer.WrittenSpan.ToArray();
    }

    private static byte[] TypedObjectWithNoFields(Type type) => Craft(w =>
    {
        w.WriteByte(WireTags.Typed);
        w.WriteTypeRef(type);
    });

    [Fact]
    public void Manifest_naming_Process_is_refused_before_any_instance_exists()
    {
        var error = Assert.Throws<UnsafeTypeException>(() => Serializer.Deserialize<object>(TypedObjectWithNoFields(typeof(Process))));
        Assert.Contains("System.Diagnostics.Process", error.Message);
    }

    [Fact]
    public void Generic_arguments_are_checked_so_List_of_Process_is_refused()
    {
        var bytes = Craft(w =>
        {
            w.WriteByte(WireTags.Typed);
            w.WriteTypeRef(typeof(List<Process>));
            w.WriteLength(0);
        });
        var error = Assert.Throws<UnsafeTypeException>(() => Serializer.Deserialize<object>(bytes));
        Assert.Contains("System.Diagnostics.Process", error.Message);
    }

    [Theory]
    [InlineData(typeof(FileInfo))]
    [InlineData(typeof(DirectoryInfo))]
    [InlineData(typeof(ProcessStartInfo))]
    [InlineData(typeof(MemoryStream))]
    [InlineData(typeof(System.Reflection.Assembly))]
    [InlineData(typeof(AppDomain))]
    [InlineData(typeof(System.Text.StringBuilder))]
    public void Gadget_and_unlisted_framework_types_are_refused(Type type)
    {
        var error = Assert.Throws<UnsafeTypeException>(() => Serializer.Deserialize<object>(TypedObjectWithNoFields(type)));
        Assert.Contains(type.FullName!, error.Message);
    }

    [Fact]
    public void Type_value_naming_a_refused_type_is_refused()
    {
        var bytes = Craft(w =>
        {
            w.WriteByte(WireTags.Typed);
            w.WriteTypeRef(typeof(Type));
            w.WriteTypeRef(typeof(Process));
        });
        Assert.Throws<UnsafeTypeException>(() => Serializer.Deserialize<object>(bytes));
    }

    private static byte[] DelegateBytes(Type delegateType, Type declaring, System.Reflection.MethodInfo method) => Craft(w =>
    {
        w.WriteByte(WireTags.Typed);
        w.WriteTypeRef(delegateType);
        w.WriteLength(1);
        w.WriteTypeRef(declaring);
        w.WriteInt32(method.MetadataToken);
        w.WriteString(method.Name);
        w.WriteLength(0);
        w.WriteByte(WireTags.Null);
    });

    [Fact]
    public void Delegate_pointing_at_Process_Start_is_refused()
    {
        var start = typeof(Process).GetMethod(nameof(Process.Start), [typeof(string)])!;
        var error = Assert.Throws<UnsafeTypeException>(() =>
            Serializer.Deserialize<object>(DelegateBytes(typeof(Func<string, Process>), typeof(Process), start)));
        Assert.Contains("Process", error.Message);
    }

    [Fact]
    public void Delegate_pointing_into_an_allowed_framework_type_is_refused()
    {
        var parse = typeof(int).GetMethod(nameof(int.Parse), [typeof(string)])!;
        var error = Assert.Throws<UnsafeTypeException>(() =>
            Serializer.Deserialize<object>(DelegateBytes(typeof(Func<string, int>), typeof(int), parse)));
        Assert.Contains("System.Int32", error.Message);
    }

    [Fact]
    public void Delegate_with_a_wrong_method_name_is_rejected()
    {
        var method = typeof(StaticFunctions).GetMethod(nameof(StaticFunctions.Double))!;
        var bytes = Craft(w =>
        {
            w.WriteByte(WireTags.Typed);
            w.WriteTypeRef(typeof(Func<int, int>));
            w.WriteLength(1);
            w.WriteTypeRef(typeof(StaticFunctions));
            w.WriteInt32(method.MetadataToken);
            w.WriteString("Triple");
            w.WriteLength(0);
            w.WriteByte(WireTags.Null);
        });
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<object>(bytes));
    }

    [Fact]
    public void Custom_allow_list_denies_user_types_and_assemblies_can_be_allowed()
    {
        var strict = new Serializer(new SerializerOptions { AllowList = new TypeAllowList().AllowType(typeof(string)) });
        byte[] bytes = RoundTrip.Default.SerializeToArray<object>(new PoliteGreeter());
        Assert.Throws<UnsafeTypeException>(() => strict.Deserialize<object>(bytes));
        var denying = new Serializer(new SerializerOptions { AllowList = TypeAllowList.CreateDefault().Deny(typeof(IGreeter)) });
        Assert.Throws<UnsafeTypeException>(() => denying.Deserialize<object>(bytes));
        var byAssembly = new Serializer(new SerializerOptions { AllowList = new TypeAllowList().AllowAssembly(typeof(PoliteGreeter).Assembly) });
        Assert.IsType<PoliteGreeter>(byAssembly.Deserialize<object>(bytes));
    }

    [Fact]
    public void Allow_list_explains_its_verdicts()
    {
        var list = TypeAllowList.CreateDefault();
        Assert.True(list.IsAllowed(typeof(Dictionary<string, List<Person>>), out _));
        Assert.False(list.IsAllowed(typeof(List<Process>), out string? reason));
        Assert.Contains("System.Diagnostics.Process", reason);
        Assert.False(list.IsAllowed(typeof(FileInfo), out _));
        Assert.True(list.IsAllowed(typeof(DayOfWeek), out _));
    }

    [Fact]
    public void Absurd_lengths_are_rejected_before_allocating()
    {
        var bytes = Craft(w =>
        {
            w.WriteByte(WireTags.Typed);
            w.WriteTypeRef(typeof(long[]));
            w.WriteLength(int.MaxValue);
        });
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<object>(bytes));
        var strings = Craft(w => w.WriteVarUInt32(uint.MaxValue));
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<string>(strings));
    }

    [Fact]
    public void Deep_nesting_is_rejected()
    {
        var bytes = Craft(w =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                w.WriteByte(WireTags.Typed);
                w.WriteTypeRef(typeof(object[]));
                w.WriteLength(1);
            }

            w.WriteByte(WireTags.Null);
        });
        var error = Assert.Throws<SerializationException>(() => Serializer.Deserialize<object>(bytes));
        Assert.Contains("MaxDepth", error.Message);
    }

    [Fact]
    public void Bad_type_indices_and_back_references_are_rejected()
    {
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<object>(Craft(w =>
        {
            w.WriteByte(WireTags.Typed);
            w.WriteVarUInt32(5000);
        })));
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<object>(Craft(w =>
        {
            w.WriteByte(WireTags.BackReference);
            w.WriteVarUInt32(3);
        })));
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<Person>(Craft(w =>
        {
            w.WriteByte(WireTags.Typed);
            w.WriteTypeRef(typeof(PoliteGreeter));
        })));
    }

    [Fact]
    public void Reader_helpers_report_truncation_as_serialization_exception()
    {
        Assert.IsType<SerializationException>(ObjectReader.Truncated());
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<Person>(ReadOnlySpan<byte>.Empty));
        Assert.Throws<SerializationException>(() => Serializer.Deserialize<Guid>(new byte[3]));
    }
}
