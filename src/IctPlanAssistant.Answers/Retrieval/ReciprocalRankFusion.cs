namespace IctPlanAssistant.Answers.Retrieval;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): a row's fused score is the sum over the rankings that hold it of
/// 1 / (k + rank). It needs no comparable scores, only ranks, which is why it suits Lucene scores and cosine
/// similarities side by side.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The usual constant: it damps the weight of the very first ranks.</summary>
    public const int K = 60;

    /// <summary>The ids of every ranking, best fused score first (ties: earlier ranking first, then its order).</summary>
    public static IReadOnlyList<(RowId Id, double Score)> Fuse(params IReadOnlyList<RowId>[] rankings)
    {
        var scores = new Dictionary<RowId, (double Score, int FirstSeen)>();
        var seen = 0;
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var id = ranking[rank];
                var add = 1.0 / (K + rank + 1);
                scores[id] = scores.TryGetValue(id, out var s) ? (s.Score + add, s.FirstSeen) : (add, seen++);
            }
        }
        return scores.OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Value.FirstSeen).Select(kv => (kv.Key, kv.Value.Score)).ToList();
    }
}
