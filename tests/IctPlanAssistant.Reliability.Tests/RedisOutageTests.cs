using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IctPlanAssistant.Reliability.Tests;

/// <summary>With Redis as the conversation store, an outage costs follow-up memory, never an answer.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task RedisStoppedMidRun_AnswersStillCome_AndFollowUpsWorkAgainWhenItReturns()
    {
        using var work = new TempDirectory();
        await using var redis = await RedisServer.StartAsync();
        await using var host = await WebHostProcess.StartAsync(work.Path, new Dictionary<string, string>
        {
            ["Index__Path"] = work.Combine("index"),
            ["Conversations__Store"] = "Redis",
            ["Conversations__Redis"] = redis.ConnectionString,
        });
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(["3-11", "3-12", "3-13"], await ConversationAsync(client, "before"));

        await redis.StopAsync();
        var during = await AskAsync(client, "危機管理部の事業費を全部足すといくら？", "during");
        Assert.Equal(HttpStatusCode.OK, during.Status);
        Assert.Contains("1,943,959", during.Body.GetProperty("answer").GetString());
        var followUp = await AskAsync(client, "そのうち予算が「—」で載ってないのは？", "during");
        Assert.Equal(HttpStatusCode.OK, followUp.Status); // answered, without memory of the first turn
        Assert.Contains("Conversation store unavailable", host.Log);

        await redis.StartAgainAsync();
        IReadOnlyList<string> recovered = [];
        for (var attempt = 0; attempt < 60 && recovered.Count == 0; attempt++)
        {
            await Task.Delay(500);
            recovered = await ConversationAsync(client, $"after-{attempt}");
        }
        Assert.Equal(["3-11", "3-12", "3-13"], recovered);
    }

    /// <summary>A two-turn conversation; the follow-up's citations (empty when the first turn was not remembered).</summary>
    private static async Task<IReadOnlyList<string>> ConversationAsync(HttpClient client, string conversation)
    {
        await AskAsync(client, "危機管理部の事業費を全部足すといくら？", conversation);
        var followUp = await AskAsync(client, "そのうち予算が「—」で載ってないのは？", conversation);
        Assert.Equal(HttpStatusCode.OK, followUp.Status);
        var interpretation = followUp.Body.GetProperty("interpretation");
        return interpretation.GetProperty("scope").ValueKind == JsonValueKind.Array
            ? followUp.Body.GetProperty("citations").EnumerateArray().Select(c => c.GetString()!).ToList()
            : [];
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(HttpClient client, string question, string conversation)
    {
        using var response = await client.PostAsJsonAsync("/api/ask", new { question, conversation });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
