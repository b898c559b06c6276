namespace IctPlanAssistant.Reliability.Tests;

/// <summary>The scale-out layout on loopback: a host killed under load behind nginx fails no request.</summary>
public sealed class FailoverTests
{
    [Fact]
    public async Task HostKilledDuringLoadBehindNginx_FailsNoRequest_AndTheConversationContinuesThroughRedis()
    {
        foreach (var tool in new[] { "nginx", "redis-server", "wrk" })
            Assert.True(ProcessRunner.Which(tool) is not null, $"{tool} is not installed: run scripts/install-deps.sh test");
        using var run = new TempDirectory();
        var environment = new Dictionary<string, string>
        {
            ["RUN_DIR"] = run.Path,
            ["DURATION"] = "9",
            ["PORT"] = ProcessRunner.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // start-local.sh gives the hosts this port and the ones after it.
            ["FIRST_HOST_PORT"] = ProcessRunner.FreePorts(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["REDIS_PORT"] = ProcessRunner.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Index__Path"] = run.Combine("index"),
        };

        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "failover-test.sh")], RepositoryPaths.Root, environment, TimeSpan.FromMinutes(10));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("PASS", result.Stdout);
    }
}
