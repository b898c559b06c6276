using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>The web host as a process: without a bot app id it serves on loopback (./run.sh) and refuses to start anywhere else.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Without_an_app_id_a_host_listening_on_every_address_exits_saying_what_to_set()
    {
        using var work = new TempDirectory();
        var port = ProcessRunner.FreePort();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebHostProcess.StartAsync(work.Path, new Dictionary<string, string>
        {
            ["Index__Path"] = work.Combine("index"),
            // Configured endpoints win over the --urls the helper passes: listen on every address.
            ["Kestrel__Endpoints__All__Url"] = $"http://0.0.0.0:{port}",
        }));

        Assert.Contains("The host did not start: Bot:MicrosoftAppId is not set and the host listens on http://0.0.0.0", error.Message);
    }

    [Fact]
    public async Task Without_an_app_id_a_host_on_loopback_starts()
    {
        using var work = new TempDirectory();

        await using var host = await WebHostProcess.StartAsync(work.Path, new Dictionary<string, string> { ["Index__Path"] = work.Combine("index") });

        Assert.Contains("Bot:MicrosoftAppId is not set", host.Log);
    }
}
