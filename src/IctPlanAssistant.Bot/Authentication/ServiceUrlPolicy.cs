using System.Net;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Authentication;

/// <summary>
/// Whether the bot may call an activity's serviceUrl. The serviceUrl comes from the request body, so calling it
/// blindly would let anyone make this server send requests anywhere: with authentication on, the channel vouches
/// for it in the token's <c>serviceurl</c> claim; with none (local development), only this machine is called.
/// </summary>
public static class ServiceUrlPolicy
{
    public static bool IsTrusted(BotIdentity identity, Activity activity)
    {
        if (!TryParse(activity.ServiceUrl, out var uri)) return false;
        return identity.IsAuthenticated
            ? string.Equals(identity.ServiceUrlClaim, activity.ServiceUrl, StringComparison.Ordinal)
            : IsLoopback(uri);
    }

    public static bool TryParse(string? serviceUrl, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp) return false;
        if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment)) return false;
        uri = parsed;
        return true;
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
