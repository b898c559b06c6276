namespace IctPlanAssistant.Bot.Authentication;

/// <summary>
/// The authentication schemes of /api/messages, one JwtBearer scheme per issuer as the Agents SDK's samples do,
/// and the scheme the endpoint requires, which forwards each request to the one its token's issuer names.
/// </summary>
public static class BotSchemes
{
    /// <summary>What the endpoint requires: a policy scheme that picks <see cref="BotFramework"/> or <see cref="Entra"/>.</summary>
    public const string Channel = "BotChannel";

    /// <summary>Tokens the Bot Connector service signs (Teams, Web Chat, Direct Line): issuer https://api.botframework.com.</summary>
    public const string BotFramework = "BotFramework";

    /// <summary>Tokens Entra ID issues (the emulator, the Agents SDK's channels): issuer sts.windows.net or login.microsoftonline.com of a trusted tenant.</summary>
    public const string Entra = "Entra";
}
