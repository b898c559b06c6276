using Lucene.Net.Search.Similarities;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// BM25 for writer and searcher alike (norms are written at index time): row fields are short and very unequal
/// in length, which BM25's length normalisation handles better than classic TF-IDF. Lucene's BM25 scores, with its
/// weights made cheaper (<see cref="SharedNormBm25Similarity"/>).
/// </summary>
public static class PlanSimilarity
{
    public static Similarity Instance { get; } = new SharedNormBm25Similarity();
}
