using ActorProc.Serialization.Tests.Support;
using Microsoft.Win32.SafeHandles;

namespace ActorProc.Serialization.Tests;

public unsafe struct WithRawPointer
{
    public int* P;
}

public class SenderRefusalTests
{
    private const string CapturedThis = "a lambda captured 'this'; capture the values you need in locals instead";
    private readonly int _field = 3;

    private static string Refusal<T>(T value) =>
        Assert.Throws<SerializationException>(() => RoundTrip.Default.SerializeToArray(value)).Message;

    [Fact]
    public void Lambda_capturing_only_this_is_refused_at_the_delegate_target()
    {
        Func<int> f = () => _field;
        Assert.Equal($"root.target (SenderRefusalTests): type SenderRefusalTests is not serializable ({CapturedThis})", Refusal(f));
    }

    [Fact]
    public void Closure_capturing_this_and_a_local_is_refused_at_the_display_class_field()
    {
        int local = 4;
        Func<int> f = () => _field + local;
        Assert.Equal($"root.target.<>4__this (SenderRefusalTests): type SenderRefusalTests is not serializable ({CapturedThis})", Refusal(f));
    }

    [Fact]
    public void Delegate_bound_to_an_ordinary_object_is_refused()
    {
        Func<string, string> f = new PoliteGreeter().Greet;
        Assert.Equal(
            "root.target (PoliteGreeter): type PoliteGreeter is not serializable (the delegate is bound to an instance of PoliteGreeter; use a static method or a lambda that captures only locals)",
            Refusal(f));
    }

    [Fact]
    public void Delegate_to_a_framework_method_is_refused()
    {
        Func<string, int> f = int.Parse;
        Assert.Equal(
            "root (Func<String, Int32>): type Func<String, Int32> is not serializable (the delegate points to Int32.Parse in a framework assembly; only methods of your own assemblies can be sent)",
            Refusal(f));
    }

    [Fact]
    public void IntPtr_field_is_refused_with_its_path()
    {
        Assert.Equal(
            "root.Handle (IntPtr): type IntPtr is not serializable (native pointers and handles cannot cross a process)",
            Refusal(new WithPointer { Handle = 5 }));
    }

    [Fact]
    public void Raw_pointer_field_is_refused()
    {
        Assert.Equal("root.P (Int32*): type Int32* is not serializable (pointers cannot cross a process)", Refusal(new WithRawPointer()));
    }

    [Fact]
    public void Stream_inside_a_list_is_refused_with_its_index()
    {
        var items = new WithItems();
        items.Items.Add(1);
        items.Items.Add(new MemoryStream());
        Assert.Equal(
            "root.Items[1] (MemoryStream): type MemoryStream is not serializable (streams are process-local; send the bytes instead)",
            Refusal(items));
    }

    [Fact]
    public void Stream_deep_inside_a_dictionary_value_is_refused_with_the_full_path()
    {
        var items = new WithItems();
        items.ByName["ok"] = 1;
        items.ByName["bad"] = new WithStream { Body = new MemoryStream() };
        Assert.Equal(
            "root.ByName[1].value.Body (MemoryStream): type MemoryStream is not serializable (streams are process-local; send the bytes instead)",
            Refusal(items));
    }

    [Fact]
    public void Cancellation_token_is_refused()
    {
        Assert.Equal(
            "root.Token (CancellationToken): type CancellationToken is not serializable (cancellation is process-local)",
            Refusal(new WithToken()));
        Assert.Contains("(CancellationTokenSource): type CancellationTokenSource is not serializable", Refusal<object>(new CancellationTokenSource()));
    }

    [Fact]
    public void Tasks_threads_handles_and_processes_are_refused()
    {
        var items = new WithItems();
        items.Items.Add(new Task(() => { }));
        Assert.Equal("root.Items[0] (Task): type Task is not serializable (tasks are process-local; send the result instead)", Refusal(items));
        Assert.Equal("root (Thread): type Thread is not serializable (threads are process-local)", Refusal<object>(new Thread(() => { })));
        using var handle = new SafeFileHandle(IntPtr.Zero, ownsHandle: false);
        Assert.Equal("root (SafeFileHandle): type SafeFileHandle is not serializable (OS handles are process-local)", Refusal<object>(handle));
        Assert.Contains("type Process is not serializable", Refusal<object>(System.Diagnostics.Process.GetCurrentProcess()));
        Assert.Contains("type ManualResetEvent is not serializable", Refusal<object>(new ManualResetEvent(false)));
    }

    [Fact]
    public void Types_marked_not_serializable_are_refused()
    {
        var items = new WithItems();
        items.Items.Add(new LocalOnly());
        Assert.Equal("root.Items[0] (LocalOnly): type LocalOnly is not serializable (it is marked [NotSerializable])", Refusal(items));
    }

    [Fact]
    public void Framework_types_not_on_the_allow_list_are_refused_at_the_sender_too()
    {
        Assert.Contains("root (FileInfo): type FileInfo is not serializable (not on the allow-list", Refusal<object>(new FileInfo("/tmp/x")));
    }
}
