using IctPlanAssistant.Bot.Tests.Support;

namespace IctPlanAssistant.Web.Tests.Bot.Support;

/// <summary>A host with no app id (local development: anonymous, loopback serviceUrls only) and a connector, shared by a test class.</summary>
public sealed class AnonymousBotFixture : IAsyncLifetime
{
    public ConnectorStub Connector { get; private set; } = null!;

    public BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStub.StartAsync();
        Host = await BotHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
