using IctPlanAssistant.Answers.Retrieval;
using IctPlanAssistant.Answers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Answers.Tests.Retrieval;

[Collection(PlanIndexCollection.Name)]
public sealed class HybridRetrievalTests(PlanIndexFixture index)
{
    private const string Question = "タブレットを使っている事業は？";

    /// <summary>An embedding under which the question is close to the drone rows and far from every other row.</summary>
    private static float[] Embed(string text) =>
        text == Question || text.Contains("ドローン", StringComparison.Ordinal) ? [0f, 1f] : [1f, 0.05f];

    [Fact]
    public void Reciprocal_rank_fusion_favours_rows_ranked_well_in_both_lists()
    {
        RowId a = RowId.Parse("1-1"), b = RowId.Parse("1-2"), c = RowId.Parse("1-3"), d = RowId.Parse("1-4");

        var fused = ReciprocalRankFusion.Fuse([a, b, c], [c, d, b]);

        // c: 1/63 + 1/61; b: 1/62 + 1/63; a: 1/61; d: 1/62.
        Assert.Equal([c, b, a, d], fused.Select(f => f.Id));
        Assert.Equal(1.0 / 61 + 1.0 / 63, fused[0].Score, 12);
    }

    [Fact]
    public async Task With_an_embedding_model_rows_similar_by_embedding_join_the_lexical_ranking()
    {
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)), Embed);
        var indexPath = index.CopyIndex();
        await using var lexicalOnly = Assistant.Create(indexPath, []);
        await using var hybrid = Assistant.WithModel(indexPath, server.Endpoint, ("AI:EmbeddingModel", "test-embedding"), ("AI:EmbeddingMinSimilarity", "0.9"));

        var lexical = (await lexicalOnly.AskAsync(Question)).Retrieved;
        var fused = (await hybrid.AskAsync(Question)).Retrieved;

        var droneRows = hybrid.Services.GetRequiredService<Search.Retrieval.PlanRetriever>().All()
            .Where(r => Embed(RowEmbeddingCache.TextOf(r))[1] == 1f).Select(r => r.Id).ToList();
        Assert.NotEmpty(droneRows);
        Assert.All(lexical, id => Assert.Contains(id, fused));
        Assert.All(droneRows.Except(lexical), id => Assert.Contains(id, fused));
        Assert.NotEmpty(droneRows.Except(lexical));
    }

    [Fact]
    public async Task Row_embeddings_are_computed_once_and_cached_beside_the_index()
    {
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)), Embed);
        var indexPath = index.CopyIndex();
        await using (var first = Assistant.WithModel(indexPath, server.Endpoint, ("AI:EmbeddingModel", "test-embedding")))
        {
            await first.AskAsync(Question);
        }
        var rowsEmbedded = server.EmbeddingInputs.Sum(i => i.Count) - 1; // less the question

        await using var second = Assistant.WithModel(indexPath, server.Endpoint, ("AI:EmbeddingModel", "test-embedding"));
        await second.AskAsync(Question);

        Assert.True(rowsEmbedded > 1);
        Assert.True(File.Exists(Path.Combine(indexPath, RowEmbeddingCache.DirectoryName, "test-embedding.jsonl")));
        Assert.Equal([Question], server.EmbeddingInputs[^1]); // the second run embedded the question alone
    }

    [Fact]
    public async Task Counts_and_sums_are_not_fused_so_their_figures_stay_exact()
    {
        const string sum = "農林水産部の事業費の合計は？";
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)), _ => [1f, 0f]);
        await using var lexicalOnly = Assistant.Create(index.IndexPath, []);
        await using var hybrid = Assistant.WithModel(index.CopyIndex(), server.Endpoint, ("AI:EmbeddingModel", "test-embedding"), ("AI:EmbeddingMinSimilarity", "0"));

        Assert.Equal((await lexicalOnly.AskAsync(sum)).Retrieved, (await hybrid.AskAsync(sum)).Retrieved);
        Assert.Empty(server.EmbeddingInputs);
    }

    [Fact]
    public async Task Without_an_embedding_model_no_refiner_changes_the_ranking()
    {
        await using var server = await FakeOpenAIServer.StartAsync(r => new Reply.Text(ScriptedReplies.CitingFirstBudget(r)));
        await using var assistant = Assistant.WithModel(index.IndexPath, server.Endpoint);

        Assert.DoesNotContain(assistant.Services.GetServices<IRetrievalRefiner>(), r => r is HybridRetrievalRefiner);
        Assert.Empty(Assistant.Create(index.IndexPath, []).Services.GetServices<IRetrievalRefiner>());
        Assert.Empty(server.EmbeddingInputs);
    }
}
