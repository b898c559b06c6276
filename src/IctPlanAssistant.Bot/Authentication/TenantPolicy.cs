using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Authentication;

/// <summary>
/// Whose users may use the bot: <c>Bot:AllowedTenants</c> (empty: any tenant). The tenant is the one Teams names in
/// <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c> (PROTOCOL-NOTES.md §1, as the SDK's teamsGetTenant);
/// an activity that names none (Web Chat, Direct Line) is not of an allowed tenant when the list is set.
/// </summary>
public static class TenantPolicy
{
    public static string? TenantOf(Activity activity) =>
        (activity.ChannelData?["tenant"] as JsonObject)?["id"] is JsonValue id && id.TryGetValue(out string? tenant) && tenant.Length > 0
            ? tenant
            : activity.Conversation?.TenantId is { Length: > 0 } conversationTenant ? conversationTenant : null;

    public static bool IsAllowed(BotOptions options, Activity activity) =>
        options.AllowedTenants.Length == 0
        || (TenantOf(activity) is { } tenant && options.AllowedTenants.Any(t => string.Equals(t.Trim(), tenant, StringComparison.OrdinalIgnoreCase)));
}
