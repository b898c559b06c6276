using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

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

    /// <summary>POST /api/ask with a JSON body; the answer object, after checking it is a 200.</summary>
    public static async Task<JsonElement> AskJsonAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
