using System.Text.Json.Nodes;

namespace IctPlanAssistant.Bot.Schema;

/// <summary>The bodies of Universal Actions (<c>adaptiveCard/action</c>) answers: a message to show, or an error.</summary>
public static class InvokeResponses
{
    public static JsonObject Message(string text) => new()
    {
        ["statusCode"] = StatusCodes.Status200OK,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    };

    public static JsonObject Card(JsonObject card) => new()
    {
        ["statusCode"] = StatusCodes.Status200OK,
        ["type"] = Attachment.AdaptiveCardContentType,
        ["value"] = card,
    };

    public static JsonObject Error(int status, string message) => new()
    {
        ["statusCode"] = status,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = status switch
        {
            StatusCodes.Status400BadRequest => "BadRequest",
            StatusCodes.Status403Forbidden => "Forbidden",
            _ => "InternalError",
        }, ["message"] = message },
    };
}
