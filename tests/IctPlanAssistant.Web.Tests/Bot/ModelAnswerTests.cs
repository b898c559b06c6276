using System.Text;
using System.Text.Json.Nodes;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Bot.Tests.Support;
using IctPlanAssistant.Web.Tests.Bot.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>
/// Answers written by a language model (the composer seam is mocked: no AI service is reachable here): Teams shows
/// them with the AI-generated label, and a long one is cut to Teams' limits with a link to the web page.
/// </summary>
public sealed class ModelAnswerTests : IAsyncLifetime
{
    private ConnectorStub _connector = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        var composer = new Mock<IAnswerComposer>();
        composer.Setup(c => c.StreamAsync(It.IsAny<AnswerContext>(), It.IsAny<CancellationToken>()))
            .Returns((AnswerContext context, CancellationToken _) => Stream(ModelAnswer(context)));
        _connector = await ConnectorStub.StartAsync();
        _host = await BotHost.StartAsync(services: s => s.AddSingleton(composer.Object));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_model_answer_in_teams_carries_the_ai_generated_label()
    {
        var inbound = Activities.TeamsPersonal(_connector.TeamsServiceUrl, "ドローンを活用した事業は？");

        await _host.PostAsync(inbound);

        var reply = (await _connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message").Body!;
        var message = reply["entities"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "https://schema.org/Message")!;
        Assert.Equal(["AIGeneratedContent"], message["additionalType"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.NotEmpty(message["citation"]!.AsArray());
    }

    [Fact]
    public async Task A_long_answer_is_cut_with_a_link_to_the_web_page_and_stays_under_teams_size_limit()
    {
        var inbound = Activities.TeamsPersonal(_connector.TeamsServiceUrl, "タブレットを使う事業を詳しく");

        await _host.PostAsync(inbound);

        var call = (await _connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message");
        var text = call.Body!["text"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, 4000 + 300);
        Assert.Contains(_host.BaseUri + "search?q=", text);
        Assert.InRange(call.BodyBytes, 1, 28 * 1024);
        // Every citation left points at a marker still in the text.
        foreach (var claim in call.Body["entities"]![0]!["citation"]!.AsArray())
            Assert.Contains($"[{claim!["position"]}]", text);
    }

    private static Answer ModelAnswer(AnswerContext context)
    {
        var rows = context.Retrieval.Rows.Select(r => r.Row).Take(5).ToList();
        var text = new StringBuilder("モデルによる回答です。\n\n");
        var repeat = context.Question.Contains("詳しく", StringComparison.Ordinal) ? 40 : 1;
        for (var i = 0; i < repeat; i++)
            foreach (var row in rows) text.AppendLine($"- {row.Name}は{row.Department}の事業で、{row.Summary} [{row.Id}]");
        return new Answer
        {
            Question = context.Question,
            Text = text.ToString(),
            Citations = rows.Select(r => r.Id).ToList(),
            CitedRows = rows,
            Retrieved = rows.Select(r => r.Id).ToList(),
            Interpretation = context.Retrieval.Interpretation,
            Source = AnswerSource.Model,
        };
    }

    private static async IAsyncEnumerable<AnswerUpdate> Stream(Answer answer)
    {
        await Task.Yield();
        yield return AnswerUpdate.Done(answer);
    }

    private static string Conversation(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();
}
