using System.Net;
using IctPlanAssistant.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>
/// The bot's own credentials refused by Entra (an expired client secret: 401 invalid_client from the token
/// endpoint): a logged error and a 502 for a turn answered in the request, never a 500; the health check says since
/// when they fail; once they work again, replies go out and the health check is healthy.
/// </summary>
public sealed class CredentialTests : IAsyncLifetime
{
    private readonly TestIssuer _issuer = new();
    private ConnectorStub _connector = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync(_issuer);
        _host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestIssuer.AppId,
            ["Bot:MicrosoftAppPassword"] = "expired-secret",
            ["Bot:OpenIdMetadataUrl"] = _connector.OpenIdMetadataUrl,
            ["Bot:PublicBaseUrl"] = "https://ictplan.example.jp/",
        }, tokenEndpoint: _connector);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        _issuer.Dispose();
    }

    [Fact]
    public async Task Refused_credentials_are_a_502_an_error_in_the_log_and_a_degraded_health_check_until_they_work_again()
    {
        _connector.RefuseClientSecret = true;
        var value = System.Text.Json.Nodes.JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"showRow","data":{"rowId":"1-2"}}}""")!;
        var invoke = Activities.Invoke(_connector.TeamsServiceUrl, "adaptiveCard/action", value, $"a:1{Activities.NewId()}");

        var refused = await _host.PostAsync(invoke, _issuer.Token(_connector.TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("invalid_client", StringComparison.Ordinal));
        var failing = await HealthAsync();
        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Contains("bot credentials failing since", failing.Entries["bot-credentials"].Description);

        _connector.RefuseClientSecret = false;
        var message = Activities.TeamsPersonal(_connector.TeamsServiceUrl, "hello");
        var accepted = await _host.PostAsync(message, _issuer.Token(_connector.TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await _connector.WaitForMessagesAsync(message["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);
    }

    private Task<HealthReport> HealthAsync() => _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
}
