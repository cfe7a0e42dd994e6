using ActorProc.Configuration.Tests.Support;

namespace ActorProc.Configuration.Tests;

public sealed class RealisticConfigTests : IDisposable
{
    private const string ApplicationConf = """"
        # ActorProc node configuration
        include "defaults.conf"

        actorproc {
          node-name = "worker-"${actorproc.cluster.index}
          loglevel = ${?ACTORPROC_TEST_UNSET_LOGLEVEL_7F3A}

          dispatchers {
            default {
              throughput = 10
              shutdown-timeout = 2s
            }
            blocking = ${actorproc.dispatchers.default} {
              throughput = 1
              pool-size = 16
            }
          }

          remote {
            hostname = 0.0.0.0
            port = 2552
            frame-size = 256 KiB
            roles += frontend
          }

          cluster {
            index = 3
            seed-nodes = [
              "tcp://sys@10.0.0.1:2552",
              "tcp://sys@10.0.0.2:2552",   // trailing comma is fine
            ]
            failure-detector.heartbeat-interval = 1 second
            downing.stable-after = infinite
          }
        }

        app.features.enabled = yes
        app.message = """Hello,
        world!"""
        """";

    private const string DefaultsConf = """
        actorproc {
          loglevel = INFO
          remote {
            port = 0
            roles = [backend]
            send-buffer = 1M
          }
          cluster.failure-detector {
            heartbeat-interval = 500ms
            threshold = 8.0
          }
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Multi_section_file_resolves_every_feature_together()
    {
        _dir.Write("defaults.conf", DefaultsConf);
        var config = Config.ParseFile(_dir.Write("application.conf", ApplicationConf));

        var node = config.GetConfig("actorproc");
        Assert.Equal("worker-3", node.GetString("node-name"));
        Assert.Equal("INFO", node.GetString("loglevel"));
        Assert.Equal(10, node.GetInt("dispatchers.default.throughput"));
        Assert.Equal(1, node.GetInt("dispatchers.blocking.throughput"));
        Assert.Equal(TimeSpan.FromSeconds(2), node.GetTimeSpan("dispatchers.blocking.shutdown-timeout"));
        Assert.Equal(16, node.GetInt("dispatchers.blocking.pool-size"));
        Assert.Equal("0.0.0.0", node.GetString("remote.hostname"));
        Assert.Equal(2552, node.GetInt("remote.port"));
        Assert.Equal(262144L, node.GetBytes("remote.frame-size"));
        Assert.Equal(1048576L, node.GetBytes("remote.send-buffer"));
        Assert.Equal(["backend", "frontend"], node.GetStringList("remote.roles"));
        Assert.Equal(2, node.GetStringList("cluster.seed-nodes").Count);
        Assert.Equal(TimeSpan.FromSeconds(1), node.GetTimeSpan("cluster.failure-detector.heartbeat-interval"));
        Assert.Equal(8.0, node.GetDouble("cluster.failure-detector.threshold"));
        Assert.Equal(Timeout.InfiniteTimeSpan, node.GetTimeSpan("cluster.downing.stable-after"));
        Assert.True(config.GetBoolean("app.features.enabled"));
        Assert.Equal("Hello,\nworld!", config.GetString("app.message"));
    }

    [Fact]
    public void Multi_section_file_round_trips_through_to_hocon()
    {
        _dir.Write("defaults.conf", DefaultsConf);
        var config = Config.ParseFile(_dir.Write("application.conf", ApplicationConf));

        var reparsed = Config.Parse(config.ToHocon());

        Assert.Equal(config.ToHocon(), reparsed.ToHocon());
        Assert.Equal(["backend", "frontend"], reparsed.GetStringList("actorproc.remote.roles"));
    }
}
