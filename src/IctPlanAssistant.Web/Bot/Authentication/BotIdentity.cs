namespace IctPlanAssistant.Web.Bot.Authentication;

/// <summary>Who sent a request to /api/messages: a channel with a validated token, or nobody in particular (local development).</summary>
public sealed record BotIdentity(
    bool IsAuthenticated,
    string? Issuer,
    string? ServiceUrlClaim,
    IReadOnlyList<string>? Endorsements)
{
    public static readonly BotIdentity Anonymous = new(false, null, null, null);
}

/// <summary>Why a request was refused: logged, never returned to the caller (a 401 says nothing more).</summary>
public sealed class BotAuthenticationException(string reason, Exception? inner = null) : Exception(reason, inner);
