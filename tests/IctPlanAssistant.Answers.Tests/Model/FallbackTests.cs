using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Answers.Tests.Support;

namespace IctPlanAssistant.Answers.Tests.Model;

/// <summary>When the service fails or its answer does not pass the checks, the user gets the built-in answer, marked as a fallback.</summary>
[Collection(PlanIndexCollection.Name)]
public sealed class FallbackTests(PlanIndexFixture index)
{
    private const string Question = "タブレットを使っている事業は？";

    private async Task<(Answer Answer, FakeOpenAIServer Server, Assistant Assistant)> AskAsync(Func<ChatRequest, Reply> script, params (string, string?)[] settings)
    {
        var server = await FakeOpenAIServer.StartAsync(script);
        var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint, settings);
        return (await assistant.AskAsync(Question), server, assistant);
    }

    private Answer BuiltIn(Assistant assistant) =>
        ((global::IctPlanAssistant.Answers.BuiltIn.BuiltInAnswerComposer)assistant.Services.GetService(typeof(global::IctPlanAssistant.Answers.BuiltIn.BuiltInAnswerComposer))!).Compose(assistant.PlanAssistant.Retrieve(Question, []));

    private static void AssertFallback(Answer answer, Answer builtIn, FallbackReason reason)
    {
        Assert.Equal(AnswerSource.Fallback, answer.Source);
        Assert.Equal(builtIn.Text, answer.Text);
        Assert.Equal(builtIn.Citations, answer.Citations);
        Assert.Equal(FallbackNotice.For(reason, answer.Language), answer.Notice);
    }

    [Fact]
    public async Task A_citation_of_a_row_not_given_is_removed_and_the_answer_kept()
    {
        var (answer, server, assistant) = await AskAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r) + " 関連事業もあります [5-99]。"));
        await using var _ = server;
        await using var __ = assistant;

        Assert.Equal(AnswerSource.Model, answer.Source);
        Assert.DoesNotContain("5-99", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(RowId.Parse("5-99"), answer.Citations);
        Assert.Contains(assistant.Logs.Warnings, w => w.Contains("5-99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_budget_replaces_the_answer_with_the_built_in_one_and_logs_the_figure()
    {
        var (answer, server, assistant) = await AskAsync(r =>
        {
            var row = ScriptedReplies.FirstWithBudget(r);
            return new Reply.Text($"{row["name"]}の事業費は999,999,999千円です [{ScriptedReplies.Id(row)}]。");
        });
        await using var _ = server;
        await using var __ = assistant;

        AssertFallback(answer, BuiltIn(assistant), FallbackReason.Unverified);
        Assert.Contains(assistant.Logs.Warnings, w => w.Contains("999,999,999千円", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_sum_of_the_cited_rows_replaces_the_answer()
    {
        var (answer, server, assistant) = await AskAsync(r =>
        {
            var rows = r.Rows.Where(ScriptedReplies.HasBudget).Take(2).ToList();
            var sum = rows.Sum(x => long.Parse(ScriptedReplies.Budget(x).Replace("千円", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
            return new Reply.Text($"2件の事業費の合計は{sum + 1:N0}千円です [{ScriptedReplies.Id(rows[0])}][{ScriptedReplies.Id(rows[1])}]。");
        });
        await using var _ = server;
        await using var __ = assistant;

        AssertFallback(answer, BuiltIn(assistant), FallbackReason.Unverified);
    }

    [Fact]
    public async Task The_right_sum_of_the_cited_rows_is_accepted()
    {
        var (answer, server, assistant) = await AskAsync(r =>
        {
            var rows = r.Rows.Where(ScriptedReplies.HasBudget).Take(2).ToList();
            var sum = rows.Sum(x => long.Parse(ScriptedReplies.Budget(x).Replace("千円", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture));
            return new Reply.Text($"2件の事業費の合計は{sum:N0}千円です [{ScriptedReplies.Id(rows[0])}][{ScriptedReplies.Id(rows[1])}]。");
        });
        await using var _ = server;
        await using var __ = assistant;

        Assert.Equal(AnswerSource.Model, answer.Source);
        Assert.Equal(2, answer.Citations.Count);
    }

    [Fact]
    public async Task A_429_is_retried_and_then_the_model_answers()
    {
        var calls = 0;
        var (answer, server, assistant) = await AskAsync(r => Interlocked.Increment(ref calls) == 1 ? new Reply.Status(429, "0") : new Reply.Text(ScriptedReplies.CitingFirstBudget(r)));
        await using var _ = server;
        await using var __ = assistant;

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(AnswerSource.Model, answer.Source);
    }

    [Fact]
    public async Task A_service_that_keeps_answering_500_gives_the_fallback_after_the_configured_retries()
    {
        var (answer, server, assistant) = await AskAsync(_ => new Reply.Status(500), ("AI:MaxRetries", "2"), ("AI:CircuitBreakerMinimumThroughput", "100"));
        await using var _ = server;
        await using var __ = assistant;

        Assert.Equal(3, server.Requests.Count);
        AssertFallback(answer, BuiltIn(assistant), FallbackReason.ServiceFailed);
    }

    [Fact]
    public async Task A_service_that_never_answers_times_out_into_the_fallback()
    {
        var (answer, server, assistant) = await AskAsync(_ => new Reply.Hang(), ("AI:MaxRetries", "1"), ("AI:AttemptTimeoutSeconds", "0.2"));
        await using var _ = server;
        await using var __ = assistant;

        Assert.Equal(2, server.Requests.Count);
        AssertFallback(answer, BuiltIn(assistant), FallbackReason.ServiceFailed);
    }

    [Fact]
    public async Task The_answer_deadline_ends_a_slow_service_even_between_retries()
    {
        var (answer, server, assistant) = await AskAsync(_ => new Reply.Hang(), ("AI:MaxRetries", "0"), ("AI:AttemptTimeoutSeconds", "3600"), ("AI:TimeoutSeconds", "0.3"));
        await using var _ = server;
        await using var __ = assistant;

        AssertFallback(answer, BuiltIn(assistant), FallbackReason.ServiceFailed);
    }

    [Fact]
    public async Task A_reply_that_is_not_the_APIs_JSON_gives_the_fallback()
    {
        var (answer, server, assistant) = await AskAsync(_ => new Reply.Malformed());
        await using var _ = server;
        await using var __ = assistant;

        AssertFallback(answer, BuiltIn(assistant), FallbackReason.ServiceFailed);
    }

    [Fact]
    public async Task A_stopped_service_gives_the_fallback()
    {
        var server = await FakeOpenAIServer.StartAsync(_ => new Reply.Text("unused"));
        var endpoint = server.Endpoint;
        await server.DisposeAsync();
        await using var assistant = Assistant.WithModel(index.IndexPath, endpoint);

        var answer = await assistant.AskAsync(Question);

        AssertFallback(answer, BuiltIn(assistant), FallbackReason.ServiceFailed);
    }

    [Fact]
    public async Task Once_the_circuit_opens_the_service_is_not_called_and_answers_still_come()
    {
        await using var server = await FakeOpenAIServer.StartAsync(_ => new Reply.Status(503));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint,
            ("AI:MaxRetries", "0"), ("AI:CircuitBreakerMinimumThroughput", "2"), ("AI:CircuitBreakerFailureRatio", "0.5"), ("AI:CircuitBreakerBreakSeconds", "60"));

        var answers = new List<Answer>();
        for (var i = 0; i < 4; i++) answers.Add(await assistant.AskAsync(Question));

        Assert.Equal(2, server.Requests.Count);
        Assert.All(answers, a => Assert.Equal(AnswerSource.Fallback, a.Source));
        Assert.Contains(assistant.Logs.Warnings, w => w.Contains("BrokenCircuit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_that_breaks_off_ends_with_the_fallback_as_the_final_answer()
    {
        await using var server = await FakeOpenAIServer.StartAsync(_ => new Reply.Malformed());
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);

        var updates = new List<AnswerUpdate>();
        await foreach (var update in assistant.PlanAssistant.AskStreamingAsync(new AskRequest(Question))) updates.Add(update);

        var final = Assert.Single(updates, u => u.Final is not null).Final!;
        Assert.Same(final, updates[^1].Final);
        AssertFallback(final, BuiltIn(assistant), FallbackReason.ServiceFailed);
    }
}

/// <summary>A batch of questions (one conversation, as <c>ictplan batch</c> runs it) while the server stops mid-run.</summary>
[Collection(PlanIndexCollection.Name)]
public sealed class ServerStopsMidRunTests(PlanIndexFixture index)
{
    [Fact]
    public async Task Questions_after_the_server_stopped_get_fallback_answers_not_errors()
    {
        var calls = 0;
        await using var server = await FakeOpenAIServer.StartAsync(r =>
            Interlocked.Increment(ref calls) == 1 ? new Reply.Text(ScriptedReplies.CitingFirstBudget(r)) : new Reply.StopServer());
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint, ("AI:RewriteQueries", "false"));
        await using var builtInOnly = Assistant.Create(index.IndexPath, []);
        string[] questions = ["タブレットを使っている事業は？", "そのうち新規の事業は？", "ドローンを使った事業は？", "Which Health and Welfare projects use tablets?"];

        var answers = new List<Answer>();
        var expected = new List<Answer>();
        foreach (var q in questions)
        {
            answers.Add(await assistant.AskAsync(q, "conversation-1"));
            expected.Add(await builtInOnly.AskAsync(q, "conversation-1"));
        }

        Assert.Equal(AnswerSource.Model, answers[0].Source);
        Assert.All(answers.Skip(1), a => Assert.Equal(AnswerSource.Fallback, a.Source));
        Assert.All(answers.Skip(1), a => Assert.NotNull(a.Notice));
        for (var i = 2; i < questions.Length; i++) Assert.Equal(expected[i].Text, answers[i].Text);
    }
}
