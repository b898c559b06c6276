using System.Net.Http.Headers;
using System.Net.Http.Json;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Connector;

/// <summary>
/// The Bot Connector REST API, the part a bot uses to answer: post an activity into a conversation, as a reply
/// (<c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>) or not. Retries for 429 and 5xx come
/// from the HttpClient's resilience handler; redirects are never followed (a serviceUrl that answers 307 could send
/// the reply, and the bot's token, anywhere), see <see cref="BotFrameworkServiceCollectionExtensions"/>.
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens)
{
    public const string HttpClientName = "bot-connector";

    /// <exception cref="HttpRequestException">The connector refused the activity or could not be reached.</exception>
    /// <exception cref="BotCredentialException">The bot's own token could not be had.</exception>
    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var uri = ActivitiesUri(activity.ServiceUrl!, activity.Conversation!.Id!, activity.ReplyToId);
        // The channel assigns ids; the SDK deletes any the bot set before sending.
        activity.Id = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, options: BotJson.Options),
        };
        request.Headers.Add("x-ms-conversation-id", activity.Conversation.Id);
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"the connector answered {(int)response.StatusCode} to POST {uri.GetLeftPart(UriPartial.Path)}", null, response.StatusCode);
        if (response.Content.Headers.ContentLength is 0) return new ResourceResponse(null);
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse(null);
        }
        catch (System.Text.Json.JsonException)
        {
            return new ResourceResponse(null); // 202 and friends: delivered, no id
        }
    }

    /// <summary>
    /// The activities URL of a conversation: the serviceUrl's own path kept (Teams': <c>…/amer/</c>), one slash
    /// between it and <c>v3/</c>, ids escaped as path segments (Teams ids hold : @ ; =, Web Chat ids hold |). An id
    /// of "." or ".." would climb out of the conversation's path (URIs collapse such segments, escaped or not), so it
    /// is refused (<see cref="ActivityIds"/> refuses it at the door already).
    /// </summary>
    public static Uri ActivitiesUri(string serviceUrl, string conversationId, string? replyToId)
    {
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Segment(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId)) path += "/" + Segment(replyToId);
        return new Uri(path, UriKind.Absolute);
    }

    private static string Segment(string id) =>
        ActivityIds.IsDotSegment(id) ? throw new ArgumentException($"'{id}' cannot be a path segment", nameof(id)) : Uri.EscapeDataString(id);
}
