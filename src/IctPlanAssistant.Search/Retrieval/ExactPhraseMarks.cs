using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// Marks the rows an exact phrase (slop 0) matches, the rows Lucene's <c>ExactPhraseScorer</c> would find, without
/// scoring them. The gate only asks whether a row has the phrase, so a row's positions are read up to the first
/// occurrence, not all of them, and a row already marked is passed over before its positions are read; and no weight
/// or scorer is built: Lucene's looks the terms up again and allocates two 4,096-int arrays per scorer, for each of a
/// question's dozens of bigram phrases, most of which match nothing new.
/// </summary>
internal static class ExactPhraseMarks
{
    /// <summary>Sets, in <paramref name="docs"/> (and <paramref name="inName"/> when given), each live row that has the
    /// phrase and is not set in <paramref name="skip"/> already.</summary>
    public static void Mark(IndexSearcher searcher, PhraseQuery phrase, FixedBitSet docs, FixedBitSet? inName, FixedBitSet skip)
    {
        if (phrase.Slop != 0) throw new ArgumentException("an exact phrase only", nameof(phrase));
        var terms = phrase.GetTerms();
        var offsets = phrase.GetPositions();
        if (terms.Length == 0) return;
        var states = TermStates.Of(searcher);
        var contexts = terms.Select(states.Get).ToArray();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (Postings(leaf, terms, contexts) is not { } postings) continue; // a term is not in this segment
            MarkLeaf(postings, offsets, leaf.DocBase, docs, inName, skip);
        }
    }

    /// <summary>Each term's positions in the segment, or null when one of the terms is not in it.</summary>
    private static DocsAndPositionsEnum[]? Postings(AtomicReaderContext leaf, Term[] terms, TermContext[] contexts)
    {
        var reader = leaf.AtomicReader;
        var postings = new DocsAndPositionsEnum[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            if (contexts[i].Get(leaf.Ord) is not { } state) return null;
            var enumerator = reader.GetTerms(terms[i].Field)?.GetEnumerator();
            if (enumerator is null) return null;
            enumerator.SeekExact(terms[i].Bytes, state);
            postings[i] = enumerator.DocsAndPositions(reader.LiveDocs, null, DocsAndPositionsFlags.NONE)
                          ?? throw new InvalidOperationException($"field {terms[i].Field} was indexed without positions");
        }
        return postings;
    }

    private static void MarkLeaf(DocsAndPositionsEnum[] postings, int[] offsets, int docBase, FixedBitSet docs, FixedBitSet? inName, FixedBitSet skip)
    {
        // The rarest term leads (as in Lucene's scorer): the others are advanced to its rows through their skip lists.
        var order = Enumerable.Range(0, postings.Length).OrderBy(i => postings[i].GetCost()).ToArray();
        var lead = postings[order[0]];
        var doc = lead.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            if (skip.Get(docBase + doc))
            {
                doc = lead.NextDoc();
                continue;
            }
            var next = doc; // the first row at or after doc that every term may have
            for (var k = 1; k < order.Length && next == doc; k++)
            {
                var other = postings[order[k]];
                next = other.DocID < doc ? other.Advance(doc) : other.DocID;
            }
            if (next == DocIdSetIterator.NO_MORE_DOCS) return;
            if (next != doc)
            {
                doc = lead.Advance(next);
                continue;
            }
            if (HasPhrase(postings, offsets))
            {
                docs.Set(docBase + doc);
                inName?.Set(docBase + doc);
            }
            doc = lead.NextDoc();
        }
    }

    /// <summary>
    /// Whether the terms, all standing on one row, occur at one start: term i at start + offset i. Each term's positions
    /// rise, so the starts they give rise too, and they are merged until one start is common to all.
    /// </summary>
    private static bool HasPhrase(DocsAndPositionsEnum[] postings, int[] offsets)
    {
        var count = postings.Length;
        Span<int> start = count <= 16 ? stackalloc int[count] : new int[count];
        Span<int> left = count <= 16 ? stackalloc int[count] : new int[count];
        var highest = 0; // the first term is at offset 0, so no start is below 0 (Lucene's scorer skips those too)
        for (var i = 0; i < count; i++)
        {
            left[i] = postings[i].Freq - 1;
            start[i] = postings[i].NextPosition() - offsets[i];
            highest = Math.Max(highest, start[i]);
        }
        while (true)
        {
            var agreed = true;
            for (var i = 0; i < count; i++)
            {
                while (start[i] < highest)
                {
                    if (left[i]-- == 0) return false;
                    start[i] = postings[i].NextPosition() - offsets[i];
                }
                if (start[i] > highest)
                {
                    highest = start[i];
                    agreed = false;
                }
            }
            if (agreed) return true;
        }
    }
}
