namespace IctPlanAssistant.Bot;

/// <summary>The <c>Bot</c> configuration section (DESIGN.md: the Bot:* keys).</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// The Azure Bot registration's Microsoft App ID. Empty: local development, no authentication, which the host
    /// allows only while it listens on loopback alone (or with <see cref="AllowAnonymous"/>).
    /// </summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret of the app registration (MultiTenant and SingleTenant).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant of a SingleTenant or UserAssignedMSI bot.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>Where the Bot Connector's signing keys are published; tests point it at a local issuer over http.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotAuthenticationConstants.BotFrameworkOpenIdMetadataUrl;

    /// <summary>Where Entra ID publishes its keys, for tokens Entra issues; default: the bot's tenant (else the Bot Framework's) on login.microsoftonline.com.</summary>
    public string? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>
    /// The public address of the web pages, the base of every link a reply holds (a row, the search page): https
    /// outside Development, required with an app id. Never taken from a request, whose Host header anyone can set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The Entra tenants whose users may use the bot (<c>channelData.tenant.id</c>); empty: any.</summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>Development only: accept unauthenticated activities (no app id) although the host listens beyond loopback.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Longest answer text sent to a channel, in characters; longer answers are cut with a link to the web page.</summary>
    public int MaxReplyTextLength { get; set; } = 4000;

    /// <summary>Largest request body accepted on /api/messages, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Turns accepted and waiting for a worker; beyond it a channel gets 503 and retries later.</summary>
    public int ReplyQueueCapacity { get; set; } = 200;

    /// <summary>Turns answered at once in the background (each mostly waits on a model or the connector).</summary>
    public int ReplyWorkers { get; set; } = 8;

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string AppId => MicrosoftAppId?.Trim() ?? "";

    public BotAppType AppType => MicrosoftAppType?.Trim().ToLowerInvariant() switch
    {
        null or "" or "multitenant" => BotAppType.MultiTenant,
        "singletenant" => BotAppType.SingleTenant,
        "userassignedmsi" => BotAppType.UserAssignedMsi,
        _ => throw new InvalidOperationException($"Bot:MicrosoftAppType '{MicrosoftAppType}' is not MultiTenant, SingleTenant or UserAssignedMSI."),
    };

    /// <summary>The tenant whose Entra tokens are trusted besides the Bot Framework's own, if one is set.</summary>
    public string? TenantId => string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? null : MicrosoftAppTenantId.Trim();
}

public enum BotAppType { MultiTenant, SingleTenant, UserAssignedMsi }

/// <summary>The Bot Framework's fixed addresses and names (PROTOCOL-NOTES.md §6, §7).</summary>
public static class BotAuthenticationConstants
{
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the tokens the Bot Connector service signs.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Entra ID's metadata, for tokens Entra issues (emulator, skills, the Agents SDK's channels).</summary>
    public const string EntraOpenIdMetadataUrlFormat = "https://login.microsoftonline.com/{0}/v2.0/.well-known/openid-configuration";

    /// <summary>The Bot Framework's own tenant, whose apps issue the emulator's tokens.</summary>
    public const string BotFrameworkTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The scope the bot asks Entra for, to call the Bot Connector.</summary>
    public const string ConnectorScope = "https://api.botframework.com/.default";

    /// <summary>The authority of a MultiTenant bot's outbound tokens.</summary>
    public const string MultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    public const string AuthorityFormat = "https://login.microsoftonline.com/{0}";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
}
