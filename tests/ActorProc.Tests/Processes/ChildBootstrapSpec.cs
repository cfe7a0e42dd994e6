using ActorProc.Multiprocessing.Launch;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Tests.Processes;

/// <summary>The frame a child reads from stdin before anything else, and the assembly names a spare preloads.</summary>
public sealed class ChildBootstrapSpec
{
    [Fact]
    public void The_bootstrap_frame_round_trips_every_field()
    {
        var sent = new ChildBootstrap([1, 2, 3], "actorproc://a@unix:/x/system/processes", 42, "a = 1", ForwardLogs: true, Spare: true, ["App", "App.Plugins"]);
        using var stream = new MemoryStream();
        sent.WriteTo(stream);
        stream.Position = 0;

        var read = ChildBootstrap.ReadFrom(stream);

        Assert.Equal(sent.AuthKey, read.AuthKey);
        Assert.Equal((sent.ReportTo, sent.Token, sent.Hocon, sent.ForwardLogs, sent.Spare), (read.ReportTo, read.Token, read.Hocon, read.ForwardLogs, read.Spare));
        Assert.Equal(sent.Preload, read.Preload);
    }

    [Fact]
    public void A_frame_naming_too_many_assemblies_is_refused_with_the_count()
    {
        var names = Enumerable.Range(0, ChildCodeAssemblies.MaxNames + 1).Select(i => "A" + i).ToArray();
        using var stream = new MemoryStream();
        new ChildBootstrap([1], "r", 1, "", ForwardLogs: false, Spare: true, names).WriteTo(stream);
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => ChildBootstrap.ReadFrom(stream));
        Assert.Contains((ChildCodeAssemblies.MaxNames + 1).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_assemblies_are_noted_once_each_and_preloading_skips_names_that_cannot_be_found()
    {
        var assemblies = new ChildCodeAssemblies();
        assemblies.Note(new Func<int>(static () => 1));
        assemblies.Note(new Func<int>(static () => 2));
        assemblies.Note(typeof(System.Text.Json.JsonSerializer));

        Assert.Single(assemblies.Names, n => n == "ActorProc.Tests");
        Assert.Contains("System.Text.Json", assemblies.Names);
        ChildCodeAssemblies.Preload(["No.Such.Assembly.Anywhere", "System.Text.Json"]);
        Assert.Contains(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "System.Text.Json");
    }
}
