using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// BM25 for writer and searcher alike (norms are written at index time): row fields are short and very unequal
/// in length, which BM25's length normalisation handles better than classic TF-IDF.
/// </summary>
public static class PlanSimilarity
{
    public static Similarity Instance { get; } = new PhraseIdfSimilarity();

    /// <summary>
    /// BM25 whose phrase idf is the same sum of its terms' idf without the explanation of each term: Lucene builds that
    /// explanation (a list of details) for every phrase weight, and a question makes hundreds of them, none explained.
    /// </summary>
    private sealed class PhraseIdfSimilarity : BM25Similarity
    {
        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
        {
            var idf = 0f;
            foreach (var stat in termStats) idf += IdfExplain(collectionStats, stat).Value;
            return new Explanation(idf, "idf(), sum of the terms' idf");
        }
    }
}
