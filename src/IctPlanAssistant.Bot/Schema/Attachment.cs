using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IctPlanAssistant.Bot.Schema;

/// <summary>A card or file attached to a message. An Adaptive Card's <see cref="Content"/> is a JSON object, never a string.</summary>
public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    public JsonNode? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}

/// <summary>Buttons shown under a message until the user answers (Teams: personal and group chats).</summary>
public sealed class SuggestedActions
{
    /// <summary>Who sees the buttons (the schema requires the list): the user the reply goes to.</summary>
    public List<string> To { get; set; } = [];

    public List<CardAction> Actions { get; set; } = [];

    public static SuggestedActions For(Activity reply, IEnumerable<CardAction> actions) => new()
    {
        To = reply.Recipient?.Id is { Length: > 0 } user ? [user] : [],
        Actions = [.. actions],
    };
}

/// <summary>A button: <c>imBack</c> posts <see cref="Value"/> as the user's message.</summary>
public sealed class CardAction
{
    public string Type { get; set; } = CardActionTypes.ImBack;

    public string? Title { get; set; }

    public JsonNode? Value { get; set; }

    public static CardAction ImBack(string title, string text) => new() { Title = title, Value = JsonValue.Create(text) };
}

public static class CardActionTypes
{
    public const string ImBack = "imBack";
}
