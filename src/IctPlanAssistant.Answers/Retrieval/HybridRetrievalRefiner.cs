using IctPlanAssistant.Answers.AI;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Retrieval;

/// <summary>
/// Hybrid retrieval (AI:EmbeddingModel): the Lucene ranking fused by reciprocal rank fusion with the rows most
/// similar to the question by embedding, among the rows that pass the question's filters. Only ranked questions
/// (ones with words) are fused: counts, sums and extremes stay exact over Lucene's filtered rows. A row found by
/// embedding alone joins only at AI:EmbeddingMinSimilarity or above, so a question about something the plan lacks
/// still finds nothing.
/// </summary>
public sealed class HybridRetrievalRefiner(RowEmbeddingCache cache, PlanSearch search, IOptions<AiOptions> options) : IRetrievalRefiner
{
    private const int AllRows = 10_000;
    private readonly AiOptions _options = options.Value;

    public async Task<RetrievalResult> RefineAsync(RetrievalTurn turn, CancellationToken cancellationToken)
    {
        var lexical = turn.Result;
        var q = lexical.Interpretation;
        if (q.Terms.Count == 0 || q.Intent is not (AnswerIntent.List or AnswerIntent.Fact)) return lexical;

        // Every row that passes the filters (department, section, the previous turn's rows …): the candidates.
        var filtered = search.Search(q with { Terms = [] }, new SearchRequest("") { Top = AllRows }).Rows;
        if (filtered.Count == 0) return lexical;
        var vectors = await cache.VectorsAsync(filtered.Select(r => r.Row).ToList(), cancellationToken).ConfigureAwait(false);
        var question = await cache.EmbedAsync(turn.Question, cancellationToken).ConfigureAwait(false);
        var similar = filtered
            .Select(r => (Row: r, Similarity: Cosine(question, vectors[r.Row.Id])))
            .Where(s => s.Similarity >= _options.EmbeddingMinSimilarity)
            .OrderByDescending(s => s.Similarity)
            .Take(_options.EmbeddingCandidates)
            .ToList();
        if (similar.Count == 0) return lexical;

        var fused = ReciprocalRankFusion.Fuse(lexical.Rows.Select(r => r.Row.Id).ToList(), similar.Select(s => s.Row.Row.Id).ToList());
        var byId = lexical.Rows.ToDictionary(r => r.Row.Id);
        var embeddingOnly = similar.ToDictionary(s => s.Row.Row.Id, s => s.Row);
        // A row only the embedding found keeps score 0 and coverage 0: the built-in composer (the fallback) cites by
        // how well the words matched, and those rows did not match any.
        var rows = fused
            .Select(f => byId.TryGetValue(f.Id, out var row) ? row : embeddingOnly[f.Id] with { Score = 0, Coverage = 0, Snippets = [] })
            .Take(Math.Max(lexical.Rows.Count, RetrievalOptions.Default.Top))
            .ToList();
        return lexical with { Rows = rows, Total = Math.Max(lexical.Total, rows.Count) };
    }

    private static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / (Math.Sqrt(na) * Math.Sqrt(nb));
    }
}
