using IctPlanAssistant.Answers.Tests.Support;

namespace IctPlanAssistant.Answers.Tests.Model;

/// <summary>The Semantic Kernel composer over the real OpenAI connector, against a scripted server on loopback.</summary>
[Collection(PlanIndexCollection.Name)]
public sealed class ModelAnswerTests(PlanIndexFixture index)
{
    private const string Question = "タブレットを使っている事業は？";

    [Fact]
    public async Task A_grounded_model_answer_is_returned_as_the_model_wrote_it_citing_the_given_row()
    {
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);

        var answer = await assistant.AskAsync(Question);

        var request = Assert.Single(server.Requests);
        Assert.Equal(AnswerSource.Model, answer.Source);
        Assert.Equal(ScriptedReplies.CitingFirstBudget(request), answer.Text);
        var cited = Assert.Single(answer.Citations);
        Assert.Equal(ScriptedReplies.Id(ScriptedReplies.FirstWithBudget(request)), cited.ToString());
        Assert.Equal(cited, Assert.Single(answer.CitedRows).Id);
        Assert.Null(answer.Notice);
        Assert.NotEmpty(answer.Retrieved);
    }

    [Fact]
    public async Task The_model_is_given_the_retrieved_rows_with_their_ids_and_the_question_as_data()
    {
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);

        var answer = await assistant.AskAsync(Question);

        var request = Assert.Single(server.Requests);
        Assert.Equal("test-model", request.Body["model"]!.GetValue<string>());
        Assert.Single(request.ContentsOf("system"));
        Assert.Contains("[1-2]", request.System, StringComparison.Ordinal); // the citation instruction
        var sentIds = request.Rows.Select(ScriptedReplies.Id).ToList();
        Assert.Subset(sentIds.ToHashSet(), answer.Retrieved.Take(5).Select(id => id.ToString()).ToHashSet());
        Assert.Contains($"\"{Question}\"", request.User, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, request.System, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_yields_the_model_tokens_in_order_then_the_checked_final_answer()
    {
        string[] chunks = [];
        await using var server = await FakeOpenAIServer.StartAsync(r =>
        {
            var text = ScriptedReplies.CitingFirstBudget(r);
            chunks = Enumerable.Range(0, (text.Length + 4) / 5).Select(i => text.Substring(i * 5, Math.Min(5, text.Length - i * 5))).ToArray();
            return new Reply.Text(chunks);
        });
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);

        var updates = new List<AnswerUpdate>();
        await foreach (var update in assistant.PlanAssistant.AskStreamingAsync(new AskRequest(Question))) updates.Add(update);

        Assert.True(Assert.Single(server.Requests).Stream);
        Assert.Equal(chunks, updates.SkipLast(1).Select(u => u.TextDelta));
        var final = updates[^1].Final;
        Assert.NotNull(final);
        Assert.Equal(AnswerSource.Model, final.Source);
        Assert.Equal(string.Concat(chunks), final.Text);
    }

    [Fact]
    public async Task Without_an_AI_provider_the_built_in_composer_answers_exactly_as_before()
    {
        await using var assistant = Assistant.Create(index.IndexPath, []);
        await using var builtInOnly = Assistant.Create(index.IndexPath, [("AI:Provider", "None"), ("AI:Endpoint", "http://127.0.0.1:9/v1")]);

        var answer = await assistant.AskAsync(Question);
        var expected = assistant.Services.GetService(typeof(global::IctPlanAssistant.Answers.BuiltIn.BuiltInAnswerComposer)) is global::IctPlanAssistant.Answers.BuiltIn.BuiltInAnswerComposer composer
            ? composer.Compose(assistant.PlanAssistant.Retrieve(Question, []))
            : null;

        Assert.IsType<global::IctPlanAssistant.Answers.BuiltIn.BuiltInAnswerComposer>(assistant.Composer);
        Assert.IsType<global::IctPlanAssistant.Answers.BuiltIn.BuiltInAnswerComposer>(builtInOnly.Composer);
        Assert.Equal(AnswerSource.BuiltIn, answer.Source);
        Assert.Equal(expected!.Text, answer.Text);
        Assert.Equal(expected.Citations, answer.Citations);
    }

    [Fact]
    public async Task The_api_key_is_sent_to_the_service_but_never_logged()
    {
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);

        await assistant.AskAsync(Question);

        Assert.NotEmpty(assistant.Logs.Entries);
        Assert.DoesNotContain("sk-test-secret-key", assistant.Logs.All, StringComparison.Ordinal);
    }
}
