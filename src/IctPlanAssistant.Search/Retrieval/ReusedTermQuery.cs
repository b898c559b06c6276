using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A term of the gate's scoring pass, scored as <see cref="TermQuery"/> scores it, from postings enumerators reused
/// across questions (<see cref="ReusedPostings"/>): Lucene's term scorer reads a new enumerator for every term and
/// segment (its blocks of decoded doc ids and frequencies, a few kilobytes), and a question scores dozens of terms. The
/// same weight (the term's statistics through the searcher's similarity, normalised the same way), the same rows and
/// frequencies, no scorer where Lucene has none: the scores are the same to the bit.
/// </summary>
internal sealed class ReusedTermQuery : Query
{
    public ReusedTermQuery(TermQuery term)
    {
        Term = term.Term;
        Boost = term.Boost;
    }

    public Term Term { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new ReusedTermWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms) => terms.Add(Term);

    public override string ToString(string field) => $"reused({Term})^{Boost}";

    public override bool Equals(object? obj) => obj is ReusedTermQuery other && Term.Equals(other.Term) && Boost == other.Boost;

    public override int GetHashCode() => HashCode.Combine(Term, Boost);

    /// <summary>As Lucene's <c>TermWeight</c>, with the snapshot's term states (those TermContext.Build gives).</summary>
    private sealed class ReusedTermWeight : Weight
    {
        private readonly ReusedTermQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;
        private readonly TermContext _states;

        public ReusedTermWeight(ReusedTermQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            _states = TermStates.Of(searcher).Get(query.Term);
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Term.Field), searcher.TermStatistics(query.Term, _states));
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Explanation Explain(AtomicReaderContext context, int doc) =>
            throw new NotSupportedException("the gate's scoring pass explains nothing");

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            if (_states.Get(context.Ord) is not { } state) return null; // the term is not in this segment
            var field = _query.Term.Field;
            if (ReusedPostings.Terms(context, field) is not { } terms) return null;
            terms.SeekExact(_query.Term.Bytes, state);
            var postings = ReusedPostings.Docs(context, terms, field, acceptDocs, DocsFlags.FREQS);
            return new ReusedTermScorer(this, postings, _similarity.GetSimScorer(_stats, context));
        }
    }

    /// <summary>Lucene's <c>TermScorer</c> (internal to Lucene.Net): the postings' rows, each scored by its frequency.</summary>
    private sealed class ReusedTermScorer(Weight weight, DocsEnum postings, Similarity.SimScorer scorer) : Scorer(weight)
    {
        public override int DocID => postings.DocID;

        public override int Freq => postings.Freq;

        public override float GetScore() => scorer.Score(postings.DocID, postings.Freq);

        public override int NextDoc() => postings.NextDoc();

        public override int Advance(int target) => postings.Advance(target);

        public override long GetCost() => postings.GetCost();
    }
}
