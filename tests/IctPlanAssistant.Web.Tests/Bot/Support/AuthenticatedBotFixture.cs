namespace IctPlanAssistant.Web.Tests.Bot.Support;

/// <summary>
/// A host configured as in production but for where the keys come from: Bot:MicrosoftAppId set, the Bot Connector's
/// OpenID metadata and JWKS served by the test's issuer on loopback, and MSAL's token requests answered locally.
/// </summary>
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; } = new();

    public ConnectorStub Connector { get; private set; } = null!;

    public BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStub.StartAsync(Issuer);
        Host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestIssuer.AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:MicrosoftAppType"] = "MultiTenant",
            ["Bot:OpenIdMetadataUrl"] = Connector.OpenIdMetadataUrl,
        }, tokenEndpoint: Connector);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        Issuer.Dispose();
    }
}
