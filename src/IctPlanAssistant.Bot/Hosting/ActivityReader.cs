using System.Text.Json;
using Microsoft.Net.Http.Headers;
using IctPlanAssistant.Bot.Authentication;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Reads the activity of a request, refusing with a 4xx what is not one: a body that is not sent as
/// <c>application/json</c> (a form or <c>text/plain</c> body can be posted from any web page without a preflight),
/// too large, not JSON, with an id no URL, header or log may carry (<see cref="ActivityIds"/>), or lacking what a
/// reply needs (conversation, from, recipient, channel, a usable serviceUrl).
/// </summary>
public static class ActivityReader
{
    public sealed record Outcome(Activity? Activity, int Status, string? Problem)
    {
        public static Outcome Refused(int status, string problem) => new(null, status, problem);
    }

    public static async Task<Outcome> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !string.Equals(type.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
            return Outcome.Refused(StatusCodes.Status415UnsupportedMediaType, "An activity is sent as application/json.");
        if (request.ContentLength > maxBytes)
            return Outcome.Refused(StatusCodes.Status413PayloadTooLarge, $"An activity is at most {maxBytes} bytes.");

        Activity? activity;
        using (var body = await BoundedBody.ReadAsync(request.Body, maxBytes, request.ContentLength, cancellationToken).ConfigureAwait(false))
        {
            if (body is null)
                return Outcome.Refused(StatusCodes.Status413PayloadTooLarge, $"An activity is at most {maxBytes} bytes.");
            try
            {
                // The activity keeps no reference to the buffer: its JSON values (JsonElement, JsonNode) are copies.
                activity = JsonSerializer.Deserialize<Activity>(body.Span, BotJson.Options);
            }
            catch (JsonException)
            {
                return Outcome.Refused(StatusCodes.Status400BadRequest, "The body is not a JSON activity.");
            }
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
            return Outcome.Refused(StatusCodes.Status400BadRequest, "An activity needs a type.");
        if (UnusableId(activity) is { } unusable)
            return Outcome.Refused(StatusCodes.Status400BadRequest, $"The activity's {unusable}.");
        if (NeedsReply(activity) && MissingForReply(activity) is { } missing)
            return Outcome.Refused(StatusCodes.Status400BadRequest, $"The activity has no {missing}.");
        return new Outcome(activity, StatusCodes.Status200OK, null);
    }

    /// <summary>The activity types this bot answers; the others are accepted and ignored whatever they hold.</summary>
    public static bool NeedsReply(Activity activity) =>
        activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.Invoke);

    private static string? UnusableId(Activity a)
    {
        foreach (var (field, id) in new[] { ("type", a.Type), ("id", a.Id), ("replyToId", a.ReplyToId), ("conversation.id", a.Conversation?.Id), ("from.id", a.From?.Id), ("recipient.id", a.Recipient?.Id), ("channelId", a.ChannelId) })
        {
            if (id is not null && ActivityIds.Problem(id) is { } problem) return $"{field} {problem}";
        }
        return null;
    }

    private static string? MissingForReply(Activity a)
    {
        if (string.IsNullOrEmpty(a.Conversation?.Id)) return "conversation.id";
        if (string.IsNullOrEmpty(a.From?.Id)) return "from.id";
        if (string.IsNullOrEmpty(a.Recipient?.Id)) return "recipient.id";
        if (string.IsNullOrEmpty(a.ChannelId)) return "channelId";
        if (!a.ExpectsReplies && !ServiceUrlPolicy.TryParse(a.ServiceUrl, out _)) return "usable serviceUrl";
        return null;
    }
}
