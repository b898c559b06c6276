using System.Text.Json.Nodes;

namespace IctPlanAssistant.Bot.Schema;

/// <summary>What the bot answers to an invoke: the HTTP status and body returned to the channel in the same request.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null)
{
    public static InvokeResponse Ok(JsonNode? body = null) => new(StatusCodes.Status200OK, body ?? new JsonObject());

    /// <summary>What the SDK answers to an invoke no handler took.</summary>
    public static InvokeResponse NotImplemented() => new(StatusCodes.Status501NotImplemented);
}

/// <summary>The body of the HTTP 200 answer to a request with <c>deliveryMode: expectReplies</c>.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The connector's answer to a posted activity: the id the channel gave it.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The invoke names this bot answers.</summary>
public static class InvokeNames
{
    /// <summary>An Adaptive Card <c>Action.Execute</c> (Universal Actions).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";

    /// <summary>Teams' feedback buttons (thumbs up/down) on a message with the feedback loop enabled.</summary>
    public const string MessageSubmitAction = "message/submitAction";
}
