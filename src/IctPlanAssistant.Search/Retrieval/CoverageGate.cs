using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// Keeps the candidates that match enough of the question. Each term group weighs its rarity in the plan (BM25's
/// idf; a word the plan never uses weighs most), and a row's coverage is the weight of the groups it matches over
/// the weight of all groups. A question about a helicopter matches many rows on 支援 and 事業, but covers little.
/// </summary>
internal static class CoverageGate
{
    public static List<ScoredValues> Apply(IndexSearcher searcher, IReadOnlyList<Query> groups, ScoreDoc[] candidates, double minCoverage)
    {
        if (candidates.Length == 0) return [];
        var docs = candidates.Select(c => c.Doc).Order().ToArray();
        var weights = groups.Select(g => Idf(searcher, g)).ToArray();
        var totalWeight = weights.Sum();
        var covered = new Dictionary<int, double>(docs.Length);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var doc in Matching(searcher, groups[g], docs))
                covered[doc] = covered.GetValueOrDefault(doc) + weights[g];
        }
        var values = RowValuesCollector.For(searcher, docs).ToDictionary(v => v.Doc);
        var kept = new List<ScoredValues>();
        foreach (var candidate in candidates)
        {
            var coverage = covered.GetValueOrDefault(candidate.Doc) / totalWeight;
            if (coverage + 1e-9 < minCoverage) continue;
            kept.Add(new ScoredValues(values[candidate.Doc], candidate.Score * (float)(coverage * coverage)));
        }
        return kept;
    }

    private static double Idf(IndexSearcher searcher, Query group)
    {
        var n = (double)searcher.IndexReader.NumDocs;
        var df = searcher.Search(group, 1).TotalHits;
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /// <summary>Which of the (sorted) candidate docs the query matches, advancing one scorer per segment.</summary>
    private static IEnumerable<int> Matching(IndexSearcher searcher, Query query, int[] sortedDocs)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var leaves = searcher.IndexReader.Leaves;
        var i = 0;
        foreach (var leaf in leaves)
        {
            var end = leaf.DocBase + leaf.Reader.MaxDoc;
            if (i >= sortedDocs.Length) yield break;
            if (sortedDocs[i] >= end) continue;
            var scorer = weight.GetScorer((AtomicReaderContext)leaf, leaf.AtomicReader.LiveDocs);
            for (; i < sortedDocs.Length && sortedDocs[i] < end; i++)
            {
                if (scorer is null) continue;
                var local = sortedDocs[i] - leaf.DocBase;
                var at = scorer.DocID < local ? scorer.Advance(local) : scorer.DocID;
                if (at == local) yield return sortedDocs[i];
            }
        }
    }
}
