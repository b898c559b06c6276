using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace IctPlanAssistant.Bot.Connector;

/// <summary>The token the bot shows the Bot Connector on outbound calls; null when the bot runs without an app id.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>No app id configured (local development): outbound calls carry no token, as the SDK's empty credentials.</summary>
public sealed class NoBotToken : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Client-credentials tokens from Entra ID through MSAL (PROTOCOL-NOTES.md §7), for the configured app type:
/// MultiTenant (authority botframework.com) and SingleTenant (the bot's tenant) with the app password, or a
/// user-assigned managed identity. MSAL keeps the token in the application's in-memory cache and asks Entra again
/// only shortly before it expires, so the applications are built once. A refusal (<c>invalid_client</c> for an
/// expired secret) or an unreachable Entra is a <see cref="BotCredentialException"/>, logged as an error and shown
/// by /healthz, never a 500.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private static readonly string[] Scopes = [BotAuthenticationConstants.ConnectorScope];

    private readonly Func<CancellationToken, Task<AuthenticationResult>> _acquire;
    private readonly BotCredentialHealth _health;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(IOptions<BotOptions> options, IMsalHttpClientFactory httpClients, BotCredentialHealth health, ILogger<MsalBotTokenProvider> logger)
    {
        _health = health;
        _logger = logger;
        var o = options.Value;
        var appId = o.MicrosoftAppId!.Trim();
        switch (o.AppType)
        {
            case BotAppType.UserAssignedMsi:
                var msi = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(appId))
                    .WithHttpClientFactory(httpClients)
                    .Build();
                _acquire = ct => msi.AcquireTokenForManagedIdentity(BotAuthenticationConstants.ConnectorScope.Replace("/.default", "", StringComparison.Ordinal)).ExecuteAsync(ct);
                break;
            default:
                if (string.IsNullOrEmpty(o.MicrosoftAppPassword))
                    throw new InvalidOperationException("Bot:MicrosoftAppPassword is required for a MultiTenant or SingleTenant bot.");
                var authority = o.AppType == BotAppType.SingleTenant
                    ? string.Format(BotAuthenticationConstants.AuthorityFormat, RequireTenant(o))
                    : BotAuthenticationConstants.MultiTenantAuthority;
                var app = ConfidentialClientApplicationBuilder.Create(appId)
                    .WithClientSecret(o.MicrosoftAppPassword)
                    .WithAuthority(authority)
                    .WithHttpClientFactory(httpClients)
                    .Build();
                _acquire = ct => app.AcquireTokenForClient(Scopes).ExecuteAsync(ct);
                break;
        }
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = (await _acquire(cancellationToken).ConfigureAwait(false)).AccessToken;
            _health.Succeeded();
            return token;
        }
        catch (Exception e) when (e is MsalException or HttpRequestException)
        {
            _health.Failed();
            var code = (e as MsalException)?.ErrorCode ?? "unreachable";
            _logger.LogError("The bot's credentials failed ({Code}: {Message}); no reply can be sent until Bot:MicrosoftAppId, Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId are right", code, e.Message);
            throw new BotCredentialException($"the bot's outbound token could not be had ({code})", e);
        }
    }

    private static string RequireTenant(BotOptions o) =>
        string.IsNullOrWhiteSpace(o.MicrosoftAppTenantId)
            ? throw new InvalidOperationException("Bot:MicrosoftAppTenantId is required for a SingleTenant bot.")
            : o.MicrosoftAppTenantId.Trim();
}

/// <summary>MSAL's HTTP through the host's IHttpClientFactory (pooled connections; tests can reach a local token endpoint).</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string ClientName = "msal";

    public HttpClient GetHttpClient() => factory.CreateClient(ClientName);
}
