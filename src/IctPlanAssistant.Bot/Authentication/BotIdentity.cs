using System.Security.Claims;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Authentication;

/// <summary>
/// Who sent a request to /api/messages, as the JwtBearer schemes validated it: a channel with a token (its issuer,
/// the serviceUrl it vouches for, the channels its signing key is endorsed for), or nobody in particular (local
/// development, no app id).
/// </summary>
public sealed record BotIdentity(
    bool IsAuthenticated,
    string? Issuer,
    string? ServiceUrlClaim,
    IReadOnlyList<string>? Endorsements)
{
    public static readonly BotIdentity Anonymous = new(false, null, null, null);

    public static BotIdentity From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true }) return Anonymous;
        var listed = user.FindFirst(BotClaims.EndorsementsListed)?.Value == "true";
        return new BotIdentity(
            true,
            user.FindFirst("iss")?.Value,
            user.FindFirst(BotAuthenticationConstants.ServiceUrlClaim)?.Value,
            listed ? [.. user.FindAll(BotClaims.Endorsement).Select(c => c.Value)] : null);
    }

    /// <summary>
    /// Why the activity may not be taken from this sender, or null: its channel must be one the signing key is
    /// endorsed for, and its serviceUrl the one the token names (PROTOCOL-NOTES.md §6, steps 5 and 8).
    /// </summary>
    public string? RefusalOf(Activity activity)
    {
        if (!IsAuthenticated) return null;
        if (Endorsements is { } endorsed && (activity.ChannelId is not { Length: > 0 } channel || !endorsed.Contains(channel, StringComparer.Ordinal)))
            return $"the signing key is not endorsed for channel '{activity.ChannelId}'";
        if (ServiceUrlClaim is { } claimed && !string.Equals(claimed, activity.ServiceUrl, StringComparison.Ordinal))
            return "the serviceUrl of the activity is not the one the token names";
        return null;
    }
}

/// <summary>The claims the bot's schemes add to a validated token.</summary>
public static class BotClaims
{
    /// <summary>A channel the token's signing key is endorsed for (a JWKS extension of the Bot Framework).</summary>
    public const string Endorsement = "ictplan:endorsement";

    /// <summary>"true" when the signing key lists endorsements at all (a key that lists none restricts no channel).</summary>
    public const string EndorsementsListed = "ictplan:endorsements-listed";
}
