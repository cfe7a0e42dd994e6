using ActorProc.Configuration;
using ActorProc.Hosting.Tests.Support;
using ActorProc.Multiprocessing.Runtime;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Hosting.Tests.Hosting;

public sealed class HostStartFailureSpec : HostSpec
{
    [Fact]
    public async Task An_invalid_setting_fails_the_start_with_a_ConfigException_naming_it()
    {
        var host = BuildHost(hocon: "actorproc.loglevel = loud");

        var error = await Assert.ThrowsAsync<ConfigException>(() => host.StartAsync());

        Assert.Contains("actorproc.loglevel", error.Message, StringComparison.Ordinal);
        Assert.Contains("loud", error.Message, StringComparison.Ordinal);
        Assert.Null(ProcessRuntime.Existing);
    }

    [Fact]
    public async Task Malformed_HOCON_fails_the_start_with_a_HoconParseException()
    {
        var host = BuildHost(actorProc => actorProc.WithHocon("actorproc { loglevel = "));

        await Assert.ThrowsAsync<HoconParseException>(() => host.StartAsync());

        Assert.Null(ProcessRuntime.Existing);
    }

    [Fact]
    public async Task A_throwing_actor_factory_fails_the_start_with_its_exception_and_ends_the_children_it_started()
    {
        var failure = new InvalidOperationException("no database");
        mp.Process? child = null;
        var host = BuildHost(actorProc => actorProc.WithActors((_, _) =>
        {
            child = Start(new mp.Process(() => Thread.Sleep(Timeout.Infinite), name: "orphan"));
            throw failure;
        }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Same(failure, error);
        Assert.NotNull(child);
        Assert.True(child.Join(Long));
        Assert.Equal(-9, child.ExitCode);
        Assert.Null(ProcessRuntime.Existing);
    }
}
