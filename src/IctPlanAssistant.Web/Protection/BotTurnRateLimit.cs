using IctPlanAssistant.Bot.Authentication;
using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Web.Protection;

/// <summary>
/// The <c>/api/messages</c> side of <see cref="RateLimits"/>: a turn counts against the channel's user (its tenant and
/// id, which the token's channel vouches for) and, without authentication (local development), also against the
/// address. With a token there is no address ceiling: every Teams user comes through Microsoft's connector.
/// </summary>
internal sealed class BotTurnRateLimit(RateLimits limits) : ITurnAdmission
{
    public ValueTask<IResult?> AdmitAsync(HttpContext http, Activity activity, BotIdentity identity)
    {
        var user = activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id ?? "";
        var client = $"bot:{activity.ChannelId}:{TenantPolicy.TenantOf(activity)}:{user}";
        var address = identity.IsAuthenticated ? null : http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return ValueTask.FromResult(limits.TryAcquire(RateLimits.Messages, new RateLimitKey(client, address), http));
    }
}
