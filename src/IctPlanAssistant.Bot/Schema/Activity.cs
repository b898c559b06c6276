using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IctPlanAssistant.Bot.Schema;

/// <summary>
/// An activity of the Bot Framework Activity protocol v3: the fields this bot reads or writes, typed; every other
/// field a channel sends is kept in <see cref="Properties"/> and written back unchanged, so nothing is lost when an
/// activity is read and re-sent (as the official SDK's Activity class does).
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    /// <summary>Kept as the channel wrote it: the bot never computes with it, and re-formatting could change it.</summary>
    public string? Timestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? InputHint { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<Entity>? Entities { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    /// <summary>Channel-specific data (Teams: tenant, team, channel, feedbackLoopEnabled), as free JSON.</summary>
    public JsonObject? ChannelData { get; set; }

    /// <summary>The payload of a card action (Action.Submit) or of an invoke.</summary>
    public JsonNode? Value { get; set; }

    /// <summary>The operation of an invoke or event activity (<c>adaptiveCard/action</c>, <c>message/submitAction</c>).</summary>
    public string? Name { get; set; }

    public string? DeliveryMode { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>Replies must come back in the HTTP response instead of through the connector.</summary>
    [JsonIgnore]
    public bool ExpectsReplies => string.Equals(DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A message addressed back along this activity's conversation reference, as the SDK's
    /// <c>applyConversationReference</c> does: same channel, service and conversation; from and recipient swapped;
    /// a reply to this activity; locale kept.
    /// </summary>
    public Activity CreateReply(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = string.IsNullOrEmpty(Locale) ? null : Locale,
    };
}

/// <summary>The activity types this bot distinguishes (the protocol defines more; the rest are accepted and ignored).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string InvokeResponse = "invokeResponse";
}

public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}

public static class TextFormats
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
}

public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
}
