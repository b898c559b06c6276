using IctPlanAssistant.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>One term group of a question as the gate weighs it.</summary>
/// <param name="Query">Matches the group anywhere in a row.</param>
/// <param name="Weight">The group's rarity in the plan (BM25 idf) times its own weight (a verb counts less than a noun).</param>
/// <param name="Matches">The documents the group matches, found once when it is weighed.</param>
/// <param name="IsSoft">Too common to decide anything (in more than a quarter of the rows), or a verb or の-phrase the plan
/// never uses: it ranks rows but neither admits nor excludes them.</param>
internal sealed record GatedGroup(Query Query, double Weight, bool IsSoft, FixedBitSet Matches);

/// <summary>
/// Keeps the candidates that match enough of the question. Each decisive term group weighs its rarity in the plan
/// (a word the plan never uses weighs most), and a row's coverage is the weight of the groups it matches over the
/// weight of all of them. A question about a helicopter matches many rows on 支援 and 事業, but covers little.
/// </summary>
internal static class CoverageGate
{
    private const double CommonShare = 0.25;

    /// <summary>Weighs the groups of a question against the index.</summary>
    /// <param name="hasFilter">With a filter, common and unknown soft words need not match at all.</param>
    public static List<GatedGroup> Weigh(IndexSearcher searcher, IReadOnlyList<(Query Query, TermGroup Term)> groups, bool hasFilter)
    {
        var n = (double)searcher.IndexReader.NumDocs;
        var weighed = groups.Select(g =>
        {
            var matches = new MatchCollector(searcher.IndexReader.MaxDoc);
            searcher.Search(g.Query, matches);
            var df = matches.Count;
            var idf = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
            // An English word the glossary does not know may be how the asker names a filter's topic; with a
            // filter it does not exclude rows, without one it is a thing the plan may not have.
            var soft = df > n * CommonShare || (df == 0 && (g.Term.IgnorableWhenUnknown || (hasFilter && g.Term.Kind == TermKind.UnknownEnglish)));
            g.Query.Boost *= g.Term.Weight; // the ranked query weighs a verb or an unknown word less too
            return new GatedGroup(g.Query, idf * g.Term.Weight, soft, matches.Docs);
        }).ToList();
        // Without a filter, a question of soft words alone is still a question: its words must match.
        return weighed.All(g => g.IsSoft) && !hasFilter ? weighed.Select(g => g with { IsSoft = false }).ToList() : weighed;
    }

    public static List<ScoredValues> Apply(IndexSearcher searcher, IReadOnlyList<GatedGroup> groups, ScoreDoc[] candidates, double minCoverage)
    {
        if (candidates.Length == 0) return [];
        var docs = candidates.Select(c => c.Doc).Order().ToArray();
        var values = RowValuesCollector.For(searcher, docs).ToDictionary(v => v.Doc);
        var hard = groups.Where(g => !g.IsSoft).ToList();
        var totalWeight = hard.Sum(g => g.Weight);
        var kept = new List<ScoredValues>();
        foreach (var candidate in candidates)
        {
            var matched = 0.0;
            foreach (var group in hard)
                if (group.Matches.Get(candidate.Doc)) matched += group.Weight;
            var coverage = totalWeight <= 0 ? 1.0 : matched / totalWeight;
            if (coverage + 1e-9 < minCoverage) continue;
            kept.Add(new ScoredValues(values[candidate.Doc], candidate.Score * (float)(coverage * coverage), coverage));
        }
        return kept;
    }

    /// <summary>Marks every matching document in a bit set (and counts them), without scoring.</summary>
    private sealed class MatchCollector(int maxDoc) : ICollector
    {
        private int _docBase;

        public FixedBitSet Docs { get; } = new(maxDoc);

        public int Count { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            Docs.Set(_docBase + doc);
            Count++;
        }
    }
}
