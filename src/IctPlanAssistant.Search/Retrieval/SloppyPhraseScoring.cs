using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A sloppy phrase of different words (the text fields' <c>"…"~1</c> clauses), scored as <see cref="PhraseQuery"/> scores
/// it, by <see cref="ReusedSloppyPhraseScorer"/> over the thread's reused postings (<see cref="ReusedPostings"/>):
/// Lucene's <c>PhraseWeight.GetScorer</c> makes a new postings enumerator per word and segment (its decoding blocks are
/// some kilobytes each), and these were the largest allocation left in the gate's scoring pass. The same weight, the
/// same rows and frequencies, a scorer wherever Lucene has one: the scores are the same to the bit.
/// </summary>
/// <remarks>Only phrases whose words differ (<see cref="PhraseMarks.Handles"/>): Lucene's rules for repeated words are
/// intricate, and those phrases keep Lucene's scorer.</remarks>
internal sealed class ReusedSloppyPhraseQuery : Query
{
    public ReusedSloppyPhraseQuery(PhraseQuery phrase)
    {
        if (phrase.Slop == 0 || !PhraseMarks.Handles(phrase)) throw new ArgumentException("a sloppy phrase of different words", nameof(phrase));
        Phrase = phrase;
        Boost = phrase.Boost;
    }

    public PhraseQuery Phrase { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new Weight_(this, searcher);

    public override string ToString(string field) => Phrase.ToString(field);

    public override bool Equals(object? obj) => obj is ReusedSloppyPhraseQuery other && Phrase.Equals(other.Phrase) && Boost == other.Boost;

    public override int GetHashCode() => HashCode.Combine(Phrase, Boost, 1);

    private sealed class Weight_(ReusedSloppyPhraseQuery query, IndexSearcher searcher) : ReusedPhraseWeight(query, query.Phrase, searcher)
    {
        /// <summary>Null where Lucene's is null (the field or a word not in the segment); otherwise a scorer, even one
        /// that matches no row, as Lucene's sloppy scorer is made without looking (a disjunction holds the same scorers).</summary>
        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs)
        {
            var field = Terms[0].Field;
            if (ReusedPostings.Terms(context, field) is not { } terms) return null;
            for (var i = 0; i < Terms.Length; i++)
            {
                if (States[i].Get(context.Ord) is null) return null;
            }
            // In the phrase's order, as Lucene leaves a sloppy phrase's postings (it sorts only an exact phrase's by rarity).
            var postings = new DocsAndPositionsEnum[Terms.Length];
            for (var i = 0; i < Terms.Length; i++)
            {
                terms.SeekExact(Terms[i].Bytes, States[i].Get(context.Ord));
                postings[i] = ReusedPostings.Positions(context, terms, field, acceptDocs);
            }
            return new ReusedSloppyPhraseScorer(this, postings, Positions, Phrase.Slop, Similarity.GetSimScorer(Stats, context));
        }
    }
}

/// <summary>
/// Lucene.Net 4.8's <c>SloppyPhraseScorer</c> for a phrase without repeated words: the rows every word stands on, each
/// scored by the sum of the slop factors of its matches, the matches found by the same walk over the positions
/// (<see cref="PhraseFreq"/>, step for step, so the float sum is the same to the bit); a row without a match is passed
/// over. The postings are in the phrase's order, which is the order Lucene breaks ties in.
/// </summary>
internal sealed class ReusedSloppyPhraseScorer : Scorer
{
    private readonly DocsAndPositionsEnum[] _postings;
    private readonly int[] _offsets;
    private readonly int _slop;
    private readonly Similarity.SimScorer _scorer;
    private readonly int[] _place;
    private readonly int[] _left;
    private readonly bool[] _queued;
    private int _doc = -1;
    private float _sloppyFreq;
    private int _matches;

    public ReusedSloppyPhraseScorer(Weight weight, DocsAndPositionsEnum[] postings, int[] offsets, int slop, Similarity.SimScorer scorer)
        : base(weight)
    {
        _postings = postings;
        _offsets = offsets;
        _slop = slop;
        _scorer = scorer;
        _place = new int[postings.Length];
        _left = new int[postings.Length];
        _queued = new bool[postings.Length];
    }

    public override int DocID => _doc;

    /// <summary>The number of matches in the row, as Lucene's sloppy scorer gives it.</summary>
    public override int Freq => _matches;

    public override float GetScore() => _scorer.Score(_doc, _sloppyFreq);

    public override long GetCost() => _postings[0].GetCost();

    public override int NextDoc() => Advance(_doc + 1);

    public override int Advance(int target)
    {
        var doc = target;
        while (true)
        {
            doc = CommonRow(doc);
            if (doc == NO_MORE_DOCS) break;
            _sloppyFreq = PhraseFreq();
            if (_sloppyFreq != 0f) return _doc = doc;
            doc++;
        }
        _sloppyFreq = 0f;
        _matches = 0;
        return _doc = NO_MORE_DOCS;
    }

    /// <summary>The first row at or after <paramref name="target"/> that every word stands on, each postings enumerator
    /// left on it; NO_MORE_DOCS when there is none.</summary>
    private int CommonRow(int target)
    {
        var doc = target;
        while (true)
        {
            var agreed = true;
            foreach (var postings in _postings)
            {
                var at = postings.DocID < doc ? postings.Advance(doc) : postings.DocID;
                if (at == NO_MORE_DOCS) return NO_MORE_DOCS;
                if (at > doc)
                {
                    doc = at;
                    agreed = false;
                }
            }
            if (agreed) return doc;
        }
    }

    /// <summary>
    /// <c>SloppyPhraseScorer.PhraseFreq</c> without repeats: each word's place (its position less its offset in the
    /// phrase), the lowest taken in turn (ties by offset, then by order in the phrase) and moved on; a match, worth the
    /// similarity's slop factor of its length, wherever the span from the lowest to the highest is within the slop once
    /// the lowest can shrink it no more.
    /// </summary>
    private float PhraseFreq()
    {
        var count = _postings.Length;
        var end = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            _left[i] = _postings[i].Freq - 1;
            _place[i] = _postings[i].NextPosition() - _offsets[i];
            if (_place[i] > end) end = _place[i];
            _queued[i] = true;
        }
        var freq = 0f;
        _matches = 0;
        var pp = Pop();
        var matchLength = end - _place[pp];
        var next = _place[Top()];
        while (_left[pp]-- > 0)
        {
            _place[pp] = _postings[pp].NextPosition() - _offsets[pp];
            if (_place[pp] > end) end = _place[pp];
            if (_place[pp] > next)
            {
                if (matchLength <= _slop)
                {
                    freq += _scorer.ComputeSlopFactor(matchLength);
                    _matches++;
                }
                _queued[pp] = true;
                pp = Pop();
                next = _place[Top()];
                matchLength = end - _place[pp];
            }
            else if (end - _place[pp] < matchLength)
            {
                matchLength = end - _place[pp];
            }
        }
        if (matchLength <= _slop)
        {
            freq += _scorer.ComputeSlopFactor(matchLength);
            _matches++;
        }
        return freq;
    }

    /// <summary>The queued word Lucene's PhraseQueue puts first: the lowest place, then the lowest offset, then the first in the phrase.</summary>
    private int Top()
    {
        var top = -1;
        for (var i = 0; i < _place.Length; i++)
        {
            if (!_queued[i]) continue;
            if (top < 0 || _place[i] < _place[top] || (_place[i] == _place[top] && _offsets[i] < _offsets[top])) top = i;
        }
        return top;
    }

    private int Pop()
    {
        var top = Top();
        _queued[top] = false;
        return top;
    }
}
