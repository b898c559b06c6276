using System.Net;
using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>
/// A message is acknowledged at once and answered in the background (a channel gives up after about 15 s; a model
/// may take 60): "typing…" shows until the answer is sent and never outlives its turn, a full queue asks the channel
/// to come back, and shutting down cancels the turns under way. The bot's time is a fake clock the test moves.
/// </summary>
public sealed class BackgroundTurnTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private ConnectorStub _connector = null!;
    private BotTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Task<BotTestHost> StartHostAsync(Dictionary<string, string?>? settings = null) =>
        BotTestHost.StartAsync(settings, services: s => s.AddSingleton(new TypingIndicators(_clock)));

    private TypingIndicators Typing => _host.Services.GetRequiredService<TypingIndicators>();

    [Fact]
    public async Task A_message_is_acknowledged_before_its_answer_is_ready_and_answered_when_it_is()
    {
        var answerReady = new TaskCompletionSource();
        _host.Script.OnMessage = BotScript.EchoWhen(answerReady.Task);
        var inbound = Activities.TeamsPersonal(_connector.TeamsServiceUrl, "slow question");

        var response = await _host.PostAsync(inbound).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.DoesNotContain(_connector.CallsFor(Conversation(inbound)), c => c.Type == "message");
        answerReady.SetResult();
        var reply = (await _connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message");
        Assert.StartsWith("echo: slow question", reply.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Typing_shows_from_the_start_and_every_period_until_the_answer_is_sent_and_not_after()
    {
        var started = new TaskCompletionSource();
        var answerReady = new TaskCompletionSource();
        _host.Script.OnMessage = BotScript.EchoWhen(answerReady.Task, started);
        var inbound = Activities.TeamsPersonal(_connector.TeamsServiceUrl, "slow question");
        var conversation = Conversation(inbound);

        await _host.PostAsync(inbound);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Waiting.UntilAsync(() => TypingCalls(conversation) == 1);
        _clock.Advance(TypingIndicator.Period);
        await Waiting.UntilAsync(() => TypingCalls(conversation) == 2);
        answerReady.SetResult();
        await _connector.WaitForMessagesAsync(conversation);
        await Waiting.UntilAsync(() => Typing.Running == 0);
        _clock.Advance(TypingIndicator.Period * 5);

        var calls = _connector.CallsFor(conversation);
        Assert.Equal(["typing", "typing", "message"], calls.Select(c => c.Type));
    }

    [Fact]
    public async Task A_failing_turn_stops_its_typing_indicator_and_apologises()
    {
        _host.Script.OnMessage = (_, _) => throw new InvalidOperationException("the answer service broke");
        var inbound = Activities.TeamsPersonal(_connector.TeamsServiceUrl, "question");

        await _host.PostAsync(inbound);

        var calls = await _connector.WaitForMessagesAsync(Conversation(inbound));
        Assert.Equal(ScriptedBot.FailureMessage, calls.Single(c => c.Type == "message").Body!["text"]!.GetValue<string>());
        await Waiting.UntilAsync(() => Typing.Running == 0);
        var typingBefore = TypingCalls(Conversation(inbound));
        _clock.Advance(TypingIndicator.Period * 5);
        Assert.Equal(0, Typing.Running);
        Assert.Equal(typingBefore, TypingCalls(Conversation(inbound)));
    }

    [Fact]
    public async Task A_full_queue_asks_the_channel_to_come_back_later()
    {
        await _host.DisposeAsync();
        _host = await StartHostAsync(new() { ["Bot:ReplyQueueCapacity"] = "1", ["Bot:ReplyWorkers"] = "1" });
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        _host.Script.OnMessage = BotScript.EchoWhen(release.Task, started);

        var first = await _host.PostAsync(Activities.WebChat(_connector.ServiceUrl, "one"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30)); // taken by the one worker
        var second = await _host.PostAsync(Activities.WebChat(_connector.ServiceUrl, "two")); // waits in the queue
        var third = await _host.PostAsync(Activities.WebChat(_connector.ServiceUrl, "three"));
        release.SetResult();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Shutting_down_cancels_the_turns_under_way()
    {
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        _host.Script.OnMessage = async (_, ct) =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
        };
        await _host.PostAsync(Activities.TeamsPersonal(_connector.TeamsServiceUrl, "question"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var typing = Typing;

        await _host.DisposeAsync();

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, typing.Running);
        _host = await StartHostAsync(); // for DisposeAsync
    }

    private int TypingCalls(string conversation) => _connector.CallsFor(conversation).Count(c => c.Type == "typing");

    private static string Conversation(System.Text.Json.Nodes.JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();

}
