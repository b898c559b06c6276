using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// Marks the rows a phrase matches, the rows Lucene's <c>ExactPhraseScorer</c> or <c>SloppyPhraseScorer</c> would find,
/// without scoring them. The gate only asks whether a row has the phrase, so a row's positions are read up to the first
/// occurrence, not all of them, and a row already marked is passed over before its positions are read; and no weight
/// or scorer is built: Lucene's looks the terms up again and allocates two 4,096-int arrays per exact scorer, for each of
/// a question's dozens of phrases, most of which match nothing new.
/// </summary>
/// <remarks>A sloppy phrase is checked by the sloppy scorer's own walk over the positions (its first match found
/// is enough); one that repeats a word is left to Lucene, whose rules for repeats are intricate.</remarks>
internal static class PhraseMarks
{
    /// <summary>Whether <see cref="Mark"/> can mark the phrase: an exact one, or a sloppy one whose words differ.</summary>
    public static bool Handles(PhraseQuery phrase)
    {
        if (phrase.Slop == 0) return true;
        var terms = phrase.GetTerms();
        for (var i = 1; i < terms.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (terms[i].Equals(terms[j])) return false;
            }
        }
        return true;
    }

    /// <summary>Sets, in <paramref name="docs"/> (and <paramref name="inName"/> when given), each live row that has the
    /// phrase and is not set in <paramref name="skip"/> already.</summary>
    public static void Mark(IndexSearcher searcher, PhraseQuery phrase, FixedBitSet docs, FixedBitSet? inName, FixedBitSet skip)
    {
        if (!Handles(phrase)) throw new ArgumentException("a sloppy phrase that repeats a word", nameof(phrase));
        var terms = phrase.GetTerms();
        var offsets = phrase.GetPositions();
        if (terms.Length == 0) return;
        var states = TermStates.Of(searcher);
        var contexts = terms.Select(states.Get).ToArray();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (Postings(leaf, terms, contexts) is not { } postings) continue; // a term is not in this segment
            MarkLeaf(postings, offsets, phrase.Slop, leaf.DocBase, docs, inName, skip);
        }
    }

    /// <summary>Each term's positions in the segment, or null when one of the terms is not in it.</summary>
    private static DocsAndPositionsEnum[]? Postings(AtomicReaderContext leaf, Term[] terms, TermContext[] contexts)
    {
        for (var i = 0; i < terms.Length; i++)
        {
            if (contexts[i].Get(leaf.Ord) is null) return null;
        }
        // One terms enumerator for all the words (a phrase's words are in one field), as PhraseWeight does.
        var field = terms[0].Field;
        if (ReusedPostings.Terms(leaf, field) is not { } enumerator) return null;
        var postings = new DocsAndPositionsEnum[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            enumerator.SeekExact(terms[i].Bytes, contexts[i].Get(leaf.Ord));
            postings[i] = ReusedPostings.Positions(leaf, enumerator, field, leaf.AtomicReader.LiveDocs);
        }
        return postings;
    }

    private static void MarkLeaf(DocsAndPositionsEnum[] postings, int[] offsets, int slop, int docBase, FixedBitSet docs, FixedBitSet? inName, FixedBitSet skip)
    {
        // The rarest term leads (as in Lucene's scorer): the others are advanced to its rows through their skip lists.
        var order = Enumerable.Range(0, postings.Length).OrderBy(i => postings[i].GetCost()).ToArray();
        var lead = postings[order[0]];
        var others = order.Skip(1).Select(i => postings[i]).ToArray();
        var doc = lead.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            if (skip.Get(docBase + doc))
            {
                doc = lead.NextDoc();
                continue;
            }
            var next = CountedPhraseScorer.FirstCommon(others, doc);
            if (next == DocIdSetIterator.NO_MORE_DOCS) return;
            if (next != doc)
            {
                doc = lead.Advance(next);
                continue;
            }
            if (slop == 0 ? HasPhrase(postings, offsets) : HasSloppyPhrase(postings, offsets, slop))
            {
                docs.Set(docBase + doc);
                inName?.Set(docBase + doc);
            }
            doc = lead.NextDoc();
        }
    }

    /// <summary>Whether the terms, all standing on one row, occur at one start: term i at start + offset i.</summary>
    private static bool HasPhrase(DocsAndPositionsEnum[] postings, int[] offsets) => CountedPhraseScorer.Occurrences(postings, offsets, stopAt: 1) > 0;

    /// <summary>
    /// Whether the terms, all standing on one row, occur within the slop, as <c>SloppyPhraseScorer.PhraseFreq</c> (Lucene.Net
    /// 4.8, words not repeated) decides it: each term's place less its offset in the phrase, the lowest of them taken in turn
    /// (ties by offset, then by order in the phrase) and moved on, a match wherever the span from it to the highest is within
    /// the slop. The walk is Lucene's step for step, stopped at its first match.
    /// </summary>
    private static bool HasSloppyPhrase(DocsAndPositionsEnum[] postings, int[] offsets, int slop)
    {
        var count = postings.Length;
        Span<int> place = count <= 16 ? stackalloc int[count] : new int[count];
        Span<int> left = count <= 16 ? stackalloc int[count] : new int[count];
        Span<bool> queued = count <= 16 ? stackalloc bool[count] : new bool[count];
        var end = int.MinValue;
        for (var i = 0; i < count; i++)
        {
            left[i] = postings[i].Freq - 1;
            place[i] = postings[i].NextPosition() - offsets[i];
            end = Math.Max(end, place[i]);
            queued[i] = true;
        }
        var pp = Pop(place, offsets, queued);
        var matchLength = end - place[pp];
        var next = place[Top(place, offsets, queued)];
        while (left[pp]-- > 0)
        {
            place[pp] = postings[pp].NextPosition() - offsets[pp];
            if (place[pp] > end) end = place[pp];
            if (place[pp] > next)
            {
                if (matchLength <= slop) return true;
                queued[pp] = true;
                pp = Pop(place, offsets, queued);
                next = place[Top(place, offsets, queued)];
                matchLength = end - place[pp];
            }
            else if (end - place[pp] < matchLength)
            {
                matchLength = end - place[pp];
            }
        }
        return matchLength <= slop;
    }

    /// <summary>The queued term Lucene's PhraseQueue puts first: the lowest place, then the lowest offset, then the first in the phrase.</summary>
    private static int Top(Span<int> place, int[] offsets, Span<bool> queued)
    {
        var top = -1;
        for (var i = 0; i < place.Length; i++)
        {
            if (!queued[i]) continue;
            if (top < 0 || place[i] < place[top] || (place[i] == place[top] && offsets[i] < offsets[top])) top = i;
        }
        return top;
    }

    private static int Pop(Span<int> place, int[] offsets, Span<bool> queued)
    {
        var top = Top(place, offsets, queued);
        queued[top] = false;
        return top;
    }
}
