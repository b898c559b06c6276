using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The gate's scoring pass with its exact phrases (the bigram clauses) scored as Lucene scores them, by a scorer that does
/// not allocate Lucene's two 4,096-int arrays per phrase and segment: a question has dozens of such phrases, and their
/// scorers were most of what the gate allocated (0.5–1 MB a question at 100k rows). The same weight (the phrase's
/// statistics through the searcher's similarity), the same rows and phrase frequencies, the same scorer left out where
/// Lucene leaves it out: the scores are the same to the bit.
/// </summary>
internal static class ExactPhraseScoring
{
    /// <summary>
    /// The query with each exact phrase of two words or more (in its disjunctions) scored by <see cref="CountedPhraseQuery"/>,
    /// each sloppy phrase of different words by <see cref="ReusedSloppyPhraseQuery"/>, and each term by <see cref="ReusedTermQuery"/>.
    /// </summary>
    public static Query ForScoring(Query query) => query switch
    {
        DisjunctionMaxQuery disjunction => new DisjunctionMaxQuery(disjunction.Disjuncts.Select(ForScoring).ToList(), disjunction.TieBreakerMultiplier) { Boost = disjunction.Boost },
        PhraseQuery { Slop: 0 } phrase when phrase.GetTerms().Length > 1 => new CountedPhraseQuery(phrase),
        PhraseQuery phrase when phrase.GetTerms().Length > 1 && PhraseMarks.Handles(phrase) => new ReusedSloppyPhraseQuery(phrase),
        TermQuery term => new ReusedTermQuery(term),
        _ => query,
    };
}

/// <summary>An exact phrase, scored as <see cref="PhraseQuery"/> scores it, by <see cref="CountedPhraseScorer"/>.</summary>
internal sealed class CountedPhraseQuery : Query
{
    public CountedPhraseQuery(PhraseQuery phrase)
    {
        Phrase = phrase;
        Boost = phrase.Boost;
    }

    public PhraseQuery Phrase { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new CountedPhraseWeight(this, searcher);

    public override string ToString(string field) => Phrase.ToString(field);

    public override bool Equals(object? obj) => obj is CountedPhraseQuery other && Phrase.Equals(other.Phrase) && Boost == other.Boost;

    public override int GetHashCode() => HashCode.Combine(Phrase, Boost);

    private sealed class CountedPhraseWeight(CountedPhraseQuery query, IndexSearcher searcher) : ReusedPhraseWeight(query, query.Phrase, searcher)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var field = Terms[0].Field;
            for (var i = 0; i < Terms.Length; i++)
            {
                if (States[i].Get(context.Ord) is null) return null; // the term is not in this segment
            }
            if (ReusedPostings.Terms(context, field) is not { } terms) return null;
            var postings = new (DocsAndPositionsEnum Postings, int DocFreq, int Position, Term Term)[Terms.Length];
            for (var i = 0; i < Terms.Length; i++)
            {
                terms.SeekExact(Terms[i].Bytes, States[i].Get(context.Ord));
                postings[i] = (ReusedPostings.Positions(context, terms, field, acceptDocs), terms.DocFreq, Positions[i], Terms[i]);
            }
            // Rarest first, ties as PhraseQuery's PostingsAndFreq orders them; and, as ExactPhraseScorer, no scorer when a
            // term after the first has no row here (the disjunction then holds the same scorers as with PhraseQuery).
            Array.Sort(postings, (a, b) => a.DocFreq != b.DocFreq ? a.DocFreq.CompareTo(b.DocFreq)
                : a.Position != b.Position ? a.Position.CompareTo(b.Position) : a.Term.CompareTo(b.Term));
            for (var i = 1; i < postings.Length; i++)
            {
                if (postings[i].Postings.NextDoc() == DocIdSetIterator.NO_MORE_DOCS) return null;
            }
            return new CountedPhraseScorer(this, postings.Select(p => p.Postings).ToArray(), postings.Select(p => p.Position).ToArray(), Similarity.GetSimScorer(Stats, context));
        }
    }
}

/// <summary>
/// Steps through the rows that have every word of an exact phrase (the rarest word leads) and counts the starts at which
/// all of them stand, as <c>ExactPhraseScorer</c> counts them; a row with none is passed over.
/// </summary>
internal sealed class CountedPhraseScorer : Scorer
{
    private readonly DocsAndPositionsEnum[] _postings; // the lead first
    private readonly DocsAndPositionsEnum[] _others; // the postings after the lead
    private readonly int[] _offsets;
    private readonly Similarity.SimScorer _scorer;
    private int _doc = -1;
    private int _freq;

    public CountedPhraseScorer(Weight weight, DocsAndPositionsEnum[] postings, int[] offsets, Similarity.SimScorer scorer)
        : base(weight)
    {
        _postings = postings;
        _others = postings[1..];
        _offsets = offsets;
        _scorer = scorer;
    }

    public override int DocID => _doc;

    public override int Freq => _freq;

    public override float GetScore() => _scorer.Score(_doc, _freq);

    public override long GetCost() => _postings[0].GetCost();

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        var lead = _postings[0];
        var doc = lead.DocID < target ? lead.Advance(target) : lead.DocID;
        while (doc != NO_MORE_DOCS)
        {
            var next = FirstCommon(_others, doc);
            if (next == NO_MORE_DOCS) break;
            if (next != doc)
            {
                doc = lead.Advance(next);
                continue;
            }
            _freq = PhraseFreq();
            if (_freq > 0) return _doc = doc;
            doc = lead.NextDoc();
        }
        _freq = 0;
        return _doc = NO_MORE_DOCS;
    }

    /// <summary>
    /// The first row at or after <paramref name="doc"/>, a row the lead term stands on, that every other term may have:
    /// <paramref name="doc"/> itself when they all have it, NO_MORE_DOCS when one of them has no more rows. The others are
    /// advanced through their skip lists, as in Lucene's conjunctions; the gate's marking walks its rows the same way.
    /// </summary>
    internal static int FirstCommon(DocsAndPositionsEnum[] others, int doc)
    {
        var next = doc;
        for (var k = 0; k < others.Length && next == doc; k++)
        {
            next = others[k].DocID < doc ? others[k].Advance(doc) : others[k].DocID;
        }
        return next;
    }

    /// <summary>How many starts the phrase has in the row: term i at start + offset i, every start at 0 or after.</summary>
    private int PhraseFreq() => Occurrences(_postings, _offsets, stopAt: int.MaxValue);

    /// <summary>
    /// How many starts the phrase has in the row all the terms stand on (term i at start + offset i, every start at 0 or
    /// after), counted up to <paramref name="stopAt"/>: the gate's marking asks only whether there is one
    /// (<see cref="PhraseMarks"/>), its scoring how many. Each term's positions rise, so the starts they give rise too,
    /// and they are merged until one start is common to all.
    /// </summary>
    internal static int Occurrences(DocsAndPositionsEnum[] postings, int[] offsets, int stopAt)
    {
        var count = postings.Length;
        Span<int> start = count <= 16 ? stackalloc int[count] : new int[count];
        Span<int> left = count <= 16 ? stackalloc int[count] : new int[count];
        for (var i = 0; i < count; i++)
        {
            left[i] = postings[i].Freq;
            start[i] = int.MinValue;
        }
        var freq = 0;
        var highest = 0; // the first term is at offset 0, so no start is below 0 (Lucene's scorer skips those too)
        while (true)
        {
            // Bring every term to a start at or after the highest; when all stand on it, that is one occurrence.
            var agreed = true;
            for (var i = 0; i < count; i++)
            {
                while (start[i] < highest)
                {
                    if (left[i]-- == 0) return freq;
                    start[i] = postings[i].NextPosition() - offsets[i];
                }
                if (start[i] > highest)
                {
                    highest = start[i];
                    agreed = false;
                }
            }
            if (!agreed) continue;
            if (++freq == stopAt) return freq;
            highest++;
        }
    }
}

/// <summary>
/// As Lucene's <c>PhraseWeight</c>: a phrase's terms' statistics (with the snapshot's term states, those
/// <c>TermContext.Build</c> gives) weighed by the similarity and normalised the same way; the phrase scorers of the gate's
/// scoring pass (<see cref="CountedPhraseQuery"/>, <see cref="ReusedSloppyPhraseQuery"/>) differ only in their scorer.
/// </summary>
internal abstract class ReusedPhraseWeight : Weight
{
    private readonly Query _query;

    protected ReusedPhraseWeight(Query query, PhraseQuery phrase, IndexSearcher searcher)
    {
        _query = query;
        Phrase = phrase;
        Similarity = searcher.Similarity;
        Terms = phrase.GetTerms();
        Positions = phrase.GetPositions();
        var termStates = TermStates.Of(searcher); // the snapshot's lookups: the same states TermContext.Build gives
        States = Terms.Select(termStates.Get).ToArray();
        var termStats = Terms.Select((t, i) => searcher.TermStatistics(t, States[i])).ToArray();
        Stats = Similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(Terms[0].Field), termStats);
    }

    protected PhraseQuery Phrase { get; }

    protected Similarity Similarity { get; }

    protected Similarity.SimWeight Stats { get; }

    protected Term[] Terms { get; }

    protected int[] Positions { get; }

    protected TermContext[] States { get; }

    public override Query Query => _query;

    public override float GetValueForNormalization() => Stats.GetValueForNormalization();

    public override void Normalize(float norm, float topLevelBoost) => Stats.Normalize(norm, topLevelBoost);

    public override Explanation Explain(AtomicReaderContext context, int doc) =>
        throw new NotSupportedException("the gate's scoring pass explains nothing");
}

