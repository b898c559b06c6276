using System.Text.Json.Nodes;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>Reads what a card action sent back: the row a "show in full" button names.</summary>
public static class CardActionValue
{
    /// <summary>An <c>Action.Submit</c> message's value, or the <c>action</c> of an <c>adaptiveCard/action</c> invoke.</summary>
    public static bool TryReadShowRow(JsonNode? value, out string rowId)
    {
        rowId = "";
        if (value is not JsonObject o) return false;
        // adaptiveCard/action: {"action": {"type": "Action.Execute", "verb": "showRow", "data": {"rowId": "1-2"}}}
        if (o["action"] is JsonObject action)
            return Verb(action["verb"]) == AdaptiveCards.ShowRowVerb && TryString(action["data"]?["rowId"], out rowId);
        // Action.Submit: {"verb": "showRow", "rowId": "1-2"}
        return Verb(o["verb"]) == AdaptiveCards.ShowRowVerb && TryString(o["rowId"], out rowId);
    }

    public static bool IsCardAction(JsonNode? value) => value is JsonObject o && (o["action"] is JsonObject || o["verb"] is not null);

    private static string? Verb(JsonNode? node) => TryString(node, out var s) ? s : null;

    private static bool TryString(JsonNode? node, out string value)
    {
        value = "";
        if (node is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s))
        {
            value = s.Trim();
            return true;
        }
        return false;
    }
}
