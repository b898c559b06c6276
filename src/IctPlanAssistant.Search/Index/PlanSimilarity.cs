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
    /// BM25 whose idf comes without the text explaining it: Lucene writes that text (idf(docFreq=…, maxDocs=…)) for
    /// every term of every weight, and for a phrase a list of them, and a question makes hundreds of weights, none
    /// explained. The values are BM25's own (its <see cref="BM25Similarity.Idf"/>), summed over a phrase's terms as Lucene does.
    /// </summary>
    private sealed class PhraseIdfSimilarity : BM25Similarity
    {
        private const string Unexplained = "idf (BM25)";

        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics termStats) =>
            new(Idf(termStats.DocFreq, collectionStats.MaxDoc), Unexplained);

        public override Explanation IdfExplain(CollectionStatistics collectionStats, TermStatistics[] termStats)
        {
            var idf = 0f;
            foreach (var stat in termStats) idf += Idf(stat.DocFreq, collectionStats.MaxDoc);
            return new Explanation(idf, Unexplained);
        }
    }
}
