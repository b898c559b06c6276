using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Tests.Support;
using IctPlanAssistant.Web.Tests.Bot.Support;
using Xunit.Abstractions;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>
/// The endpoint driven by an independent channel client (botclient, built from Microsoft's official npm packages),
/// which validates every activity the bot sends against the official Activity schema and the protocol rules.
/// </summary>
public sealed class BotclientTests(AnonymousBotFixture fixture, ITestOutputHelper output) : IClassFixture<AnonymousBotFixture>
{
    private string Bot => fixture.Host.MessagesUri.AbsoluteUri;

    [Fact]
    public async Task A_japanese_question_from_web_chat_passes_the_protocol_checks()
    {
        var result = await Run("--bot", Bot, "--connector-port", "0", "--expect-typing", "--expect-card", "--expect-text", "保健福祉部");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task A_teams_channel_message_with_a_mention_after_the_welcome_passes_the_protocol_checks()
    {
        var result = await Run("--bot", Bot, "--connector-port", "0", "--teams", "--welcome", "--expect-card", "--expect-text", "タブレット");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("<at>", result.Stderr);
    }

    [Fact]
    public async Task An_english_question_in_teams_personal_chat_passes_the_protocol_checks()
    {
        var result = await Run("--bot", Bot, "--connector-port", "0", "--teams", "--teams-scope", "personal", "--text", "Which projects use drones?", "--expect-card", "--expect-text", "3-22|drone");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Expect_replies_with_a_follow_up_returns_both_answers_in_the_response_bodies()
    {
        var result = await Run("--bot", Bot, "--connector-port", "0", "--expect-replies", "--text", "ドローンを活用した事業は？", "--text", "その事業費は？", "--expect-text", "5,800");

        Assert.True(result.ExitCode == 0, result.ToString());
        var turns = JsonNode.Parse(result.Json)!["turns"]!.AsArray();
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t => Assert.Contains(t!["replies"]!.AsArray(), r => r!["type"]!.GetValue<string>() == "message"));
    }

    [Fact]
    public async Task The_auth_suite_is_refused_and_a_valid_token_is_answered_by_a_host_configured_from_print_config()
    {
        // A port free on loopback now, for the botclient connector whose address must be known before the host starts.
        var port = IctPlanAssistant.Testing.ProcessRunner.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keys = Path.Combine(Path.GetTempPath(), $"botclient-keys-{Guid.NewGuid():N}.json");
        try
        {
            var printed = await Run("--print-config", "--connector-port", port, "--key-file", keys);
            Assert.True(printed.ExitCode == 0, printed.ToString());
            var config = JsonNode.Parse(printed.Json)!;
            await using var tokens = await ConnectorStub.StartAsync(); // stands in for Entra: MSAL's token requests
            await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = config["audience"]!.GetValue<string>(),
                ["Bot:MicrosoftAppPassword"] = "test-secret",
                ["Bot:OpenIdMetadataUrl"] = config["openIdMetadataUrl"]!.GetValue<string>(),
                ["Bot:PublicBaseUrl"] = "https://ictplan.example.jp/",
            }, tokenEndpoint: tokens);

            var result = await Run("--bot", host.MessagesUri.AbsoluteUri, "--connector-port", port, "--key-file", keys, "--auth-suite", "--require-bot-token");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("auth-suite 13/13 refused", result.Summary);
            Assert.All(JsonNode.Parse(result.Json)!["authSuite"]!.AsArray(), c => Assert.Equal(401, c!["status"]!.GetValue<int>()));
        }
        finally
        {
            File.Delete(keys);
        }
    }

    private async Task<Botclient.Result> Run(params string[] arguments)
    {
        var result = await Botclient.RunAsync(arguments);
        output.WriteLine($"botclient {string.Join(' ', arguments)}");
        output.WriteLine(result.Stderr);
        return result;
    }
}
