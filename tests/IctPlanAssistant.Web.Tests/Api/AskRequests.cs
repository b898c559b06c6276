using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>Requests to POST /api/ask, as the chat page sends them.</summary>
internal static class AskRequests
{
    /// <summary>A question whose answer is asked for as server-sent events (<c>Accept: text/event-stream</c>) or as JSON.</summary>
    public static HttpRequestMessage Ask(string question, bool streamed = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ask") { Content = JsonContent.Create(new { question }) };
        if (streamed) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }
}
