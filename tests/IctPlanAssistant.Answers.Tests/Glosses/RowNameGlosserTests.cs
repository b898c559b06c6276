using IctPlanAssistant.Answers.Glosses;
using IctPlanAssistant.Answers.Tests.Support;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Answers.Tests.Glosses;

/// <summary>English glosses of row names through the real Semantic Kernel connector and a scripted server on loopback.</summary>
[Collection(PlanIndexCollection.Name)]
public sealed class RowNameGlosserTests(PlanIndexFixture index)
{
    /// <summary>Answers each line of the names block with "id TAB English name of id" (or what <paramref name="gloss"/> says).</summary>
    private static Func<ChatRequest, Reply> Translating(Func<string, string>? gloss = null) => request =>
        request.IsGloss ? request.GlossReply(gloss ?? (id => $"English name of {id}")) : new Reply.Status(500);

    private static (RowNameGlosser Glosser, PlanRetriever Retriever) Glosser(Assistant assistant) =>
        (assistant.Services.GetRequiredService<RowNameGlosser>(), assistant.Services.GetRequiredService<PlanRetriever>());

    private static IReadOnlyList<PlanRow> Rows(PlanRetriever retriever, params string[] ids) => ids.Select(id => retriever.Get(RowId.Parse(id))!).ToList();

    [Fact]
    public async Task Each_row_is_translated_once_per_index_generation()
    {
        var indexPath = index.CopyIndex();
        await using var server = await FakeOpenAIServer.StartAsync(Translating());
        await using var assistant = Assistant.WithModel(indexPath, server.Endpoint);
        var (glosser, retriever) = Glosser(assistant);

        var first = await glosser.GlossAsync(Rows(retriever, "1-2", "3-8"), CancellationToken.None);
        var again = await glosser.GlossAsync(Rows(retriever, "3-8", "1-2"), CancellationToken.None);

        Assert.Equal("English name of 1-2", first[RowId.Parse("1-2")]);
        Assert.Equal("English name of 3-8", first[RowId.Parse("3-8")]);
        Assert.Equal(first, again);
        var request = Assert.Single(server.Requests);
        Assert.Contains($"1-2\t{retriever.Get(RowId.Parse("1-2"))!.Name}", request.User, StringComparison.Ordinal);

        new PlanIngestor(new IndexLocation(indexPath)).Ingest(PlanSource.Resolve([]));
        assistant.Services.GetRequiredService<PlanIndex>().Refresh();
        await glosser.GlossAsync(Rows(retriever, "1-2"), CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("避難者見守り活動支援事業")]
    [InlineData("Support for 避難者")]
    [InlineData("   ")]
    [InlineData("Evacuee support project, which is a project of the prefecture that supports people who were evacuated after the earthquake and the nuclear accident, by visiting them at home with tablets")]
    public async Task A_reply_that_is_not_a_translation_is_not_shown_nor_asked_again(string reply)
    {
        await using var server = await FakeOpenAIServer.StartAsync(Translating(_ => reply));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);
        var (glosser, retriever) = Glosser(assistant);

        Assert.Empty(await glosser.GlossAsync(Rows(retriever, "1-2"), CancellationToken.None));
        Assert.Empty(await glosser.GlossAsync(Rows(retriever, "1-2"), CancellationToken.None));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task When_the_service_fails_there_is_no_gloss_and_the_next_page_asks_again()
    {
        await using var server = await FakeOpenAIServer.StartAsync(_ => new Reply.Status(400));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);
        var (glosser, retriever) = Glosser(assistant);

        Assert.Empty(await glosser.GlossAsync(Rows(retriever, "1-2"), CancellationToken.None));
        Assert.Empty(await glosser.GlossAsync(Rows(retriever, "1-2"), CancellationToken.None));

        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("1-2\tEvacuee watch support", "1-2", "Evacuee watch support")]
    [InlineData("[1-2]: \"Evacuee watch support\"", "1-2", "Evacuee watch support")]
    [InlineData("2017:1-2  Evacuee watch support", "2017:1-2", "Evacuee watch support")]
    public void Reply_lines_are_read_with_the_usual_variations(string line, string id, string gloss)
    {
        Assert.Equal(gloss, RowNameGlosser.Parse("preamble\n" + line + "\n")[id]);
    }
}
