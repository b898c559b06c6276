using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Answers.Feedback;
using IctPlanAssistant.Bot.Tests.Support;
using IctPlanAssistant.Testing;
using IctPlanAssistant.Web.Bot.Feedback;
using IctPlanAssistant.Web.Tests.Bot.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>
/// Teams' thumbs up/down, with two hosts sharing Redis as in deploy/: a reaction that reaches the other host is
/// tied to the question and cited rows of the answer it is on; one on a message the bot never sent is refused, not
/// pinned on the latest answer; the user's words reach the log only at Debug.
/// </summary>
public sealed class FeedbackTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectorStub _connector = null!;
    private BotHost _first = null!;
    private BotHost _second = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connector = await ConnectorStub.StartAsync();
        var settings = new Dictionary<string, string?> { ["Conversations:Store"] = "Redis", ["Conversations:Redis"] = _redis.ConnectionString };
        _first = await BotHost.StartAsync(settings);
        _second = await BotHost.StartAsync(settings);
        // Each host connects to Redis in the background and, until it has, keeps nothing: wait for both.
        foreach (var host in new[] { _first, _second })
        {
            var redis = host.Services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>();
            for (var attempt = 0; attempt < 300 && !redis.IsConnected; attempt++) await Task.Delay(100);
            Assert.True(redis.IsConnected, "Redis never connected");
        }
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _connector.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_reaction_on_another_host_is_recorded_with_the_question_and_cited_rows_of_its_answer()
    {
        var conversation = $"a:1{Activities.NewId()}";
        Assert.Equal("RedisFeedbackStore", _second.Services.GetRequiredService<IFeedbackStore>().GetType().Name);
        await _first.PostAsync(Activities.TeamsPersonal(_connector.TeamsServiceUrl, "ドローンを活用した事業は？", conversation));
        var answerId = (await _connector.WaitForMessagesAsync(conversation)).Single(c => c.Type == "message").ResponseId;
        await WaitUntilRememberedAsync(conversation, answerId); // the turn stores it just after the connector took it

        var response = await _second.PostAsync(Feedback(conversation, answerId, "dislike", "予算の年度も知りたい"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = (await _first.Services.GetRequiredService<FeedbackLog>().RecentAsync(CancellationToken.None)).Single(r => r.AnswerActivityId == answerId);
        Assert.Equal("dislike", record.Reaction);
        Assert.Equal("予算の年度も知りたい", record.Comment);
        Assert.Equal("ドローンを活用した事業は？", record.Question);
        Assert.Equal(["3-22"], record.CitedRows);
        Assert.DoesNotContain(_second.Logs.Entries, e => e.Message.Contains("予算の年度も知りたい", StringComparison.Ordinal) || e.Message.Contains("ドローンを活用", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reaction_on_a_message_the_bot_never_sent_is_refused_not_pinned_on_the_latest_answer()
    {
        var conversation = $"a:1{Activities.NewId()}";
        await _first.PostAsync(Activities.TeamsPersonal(_connector.TeamsServiceUrl, "ドローンを活用した事業は？", conversation));
        await _connector.WaitForMessagesAsync(conversation);

        var response = await _first.PostAsync(Feedback(conversation, "no-such-message", "like", null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await _first.Services.GetRequiredService<FeedbackLog>().RecentAsync(CancellationToken.None), r => r.ConversationId.EndsWith(conversation, StringComparison.Ordinal));
    }

    private async Task WaitUntilRememberedAsync(string conversation, string answerId)
    {
        var store = _first.Services.GetRequiredService<IFeedbackStore>();
        for (var i = 0; i < 200; i++)
        {
            if (await store.FindAnswerAsync(ConversationIds.Key("msteams", conversation), answerId, CancellationToken.None) is not null) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"answer {answerId} was never remembered");
    }

    private JsonObject Feedback(string conversation, string answerId, string reaction, string? comment)
    {
        var value = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject
            {
                ["reaction"] = reaction,
                ["feedback"] = comment is null ? "{}" : new JsonObject { ["feedbackText"] = comment }.ToJsonString(),
            },
        };
        return Activities.Invoke(_connector.TeamsServiceUrl, "message/submitAction", value, conversation, answerId);
    }
}
