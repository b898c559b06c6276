using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Bot.Tests.Support;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>
/// Without an app id the endpoint authenticates nobody, so it is confined: the host refuses to start when it
/// listens beyond loopback (unless an operator sets the development switch), and it replies only to this machine.
/// </summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task A_host_without_an_app_id_listening_beyond_loopback_refuses_to_start_and_says_what_to_set()
    {
        var error = await Assert.ThrowsAsync<BotConfigurationException>(() => BotTestHost.StartAsync(listenOn: IPAddress.Any));

        Assert.Contains("Bot:MicrosoftAppId", error.Message);
        Assert.Contains("Bot:AllowAnonymous", error.Message);
    }

    [Fact]
    public async Task The_development_switch_lets_it_start_beyond_loopback_with_a_public_base_url_and_a_warning()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:AllowAnonymous"] = "true",
            ["Bot:PublicBaseUrl"] = "https://dev.example.jp/",
        }, listenOn: IPAddress.Any);

        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Bot:AllowAnonymous is set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_loopback_alone_it_starts_and_warns_that_requests_are_not_authenticated()
    {
        await using var host = await BotTestHost.StartAsync();

        Assert.Contains(host.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("Bot:MicrosoftAppId is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://connector.example.invalid/")]
    [InlineData("http://10.0.0.8/")]
    public async Task It_does_not_call_a_service_url_off_this_machine(string serviceUrl)
    {
        await using var host = await BotTestHost.StartAsync();

        var response = await host.PostAsync(Activities.WebChat(serviceUrl, "hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Its_replies_link_to_the_address_it_listens_on_never_to_the_host_a_request_names()
    {
        await using var host = await BotTestHost.StartAsync();
        var inbound = Activities.WebChat("http://127.0.0.1:9/", "hello");
        inbound["deliveryMode"] = "expectReplies";
        using var request = new HttpRequestMessage(HttpMethod.Post, host.MessagesUri) { Content = new StringContent(inbound.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Host = "evil.example";

        var body = JsonNode.Parse(await (await host.Http.SendAsync(request)).Content.ReadAsStringAsync())!;

        var text = body["activities"]![0]!["text"]!.GetValue<string>();
        Assert.Contains($"{host.BaseUri.AbsoluteUri}rows/1-2", text);
        Assert.DoesNotContain("evil.example", text);
    }
}
