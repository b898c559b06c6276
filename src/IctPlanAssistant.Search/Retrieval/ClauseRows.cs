using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The rows a costly clause of the gate matches over the whole index, kept per index reader: a snapshot never changes,
/// so the rows never go stale. Questions about one thing share its clauses whatever their wording (every question about
/// a web site has ホームページ's synonyms, every question about the internet the bigram phrase ネッ ット), and a phrase of
/// common words costs a walk over their postings and positions through most of the index, where its kept rows cost a
/// union of bit sets.
/// </summary>
/// <remarks>
/// Only clauses led by a word in a hundredth of the rows or more (at least 16 rows, at most 1,024 needed: <see
/// cref="LeadRows"/>) are kept: a term, or a phrase <see cref="PhraseMarks"/> marks, whose rarest word is that common. A
/// rarer clause's walk costs about what the union does. The rows are every live row the clause matches, found once without passing over rows already marked; marking
/// is a union, so the rows a group is marked with are the same as walking the clause. Memory is bounded: past
/// <see cref="MaxBytes"/> of kept rows, the cache starts again.
/// </remarks>
internal sealed class ClauseRows
{
    /// <summary>The fewest rows the rarest word of a kept clause is in, for an index of so many rows.</summary>
    internal static int LeadRows(int maxDoc) => Math.Clamp(maxDoc / 100, 16, 1024);

    /// <summary>Whether the gate uses kept rows (on, but for tests and the latency harness that compare with the walk).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>The most memory the kept rows of one snapshot take (one bit a row per clause).</summary>
    internal const long MaxBytes = 96L * 1024 * 1024;

    private static readonly ConditionalWeakTable<IndexReader, ClauseRows> ByReader = new();

    private readonly ConcurrentDictionary<string, FixedBitSet> _rows = new(StringComparer.Ordinal);
    private readonly long _bytesPerClause;
    private readonly int _minLeadRows;
    private readonly long _maxBytes;
    private long _bytes;

    internal ClauseRows(int maxDoc, int minLeadRows, long maxBytes = MaxBytes)
    {
        _bytesPerClause = FixedBitSet.Bits2words(maxDoc) * 8L;
        _minLeadRows = minLeadRows;
        _maxBytes = maxBytes;
    }

    public static ClauseRows Of(IndexSearcher searcher) => ByReader.GetValue(searcher.IndexReader, r => new ClauseRows(r.MaxDoc, LeadRows(r.MaxDoc)));

    /// <summary>Forgets what was kept for the reader's snapshot (the latency harness's <c>--cold</c>: each question as if
    /// no other had been asked before it).</summary>
    internal static void Forget(IndexReader reader) => ByReader.Remove(reader);

    /// <summary>How many clauses' rows are kept.</summary>
    public int Count => _rows.Count;

    /// <summary>
    /// Every live row the clause matches, kept or found now and kept; null when the clause is not one this keeps (a
    /// term or phrase whose rarest word is in fewer rows than <see cref="LeadRows"/>, or a phrase
    /// <see cref="PhraseMarks"/> does not mark). The rows returned are shared: never change them.
    /// </summary>
    public FixedBitSet? Rows(IndexSearcher searcher, Query clause)
    {
        if (!Enabled || Key(clause) is not { } key) return null;
        if (_rows.TryGetValue(key, out var rows)) return rows;
        var states = TermStates.Of(searcher);
        switch (clause)
        {
            case TermQuery term:
                if (states.DocFreq(term.Term) < _minLeadRows) return null;
                rows = new FixedBitSet(searcher.IndexReader.MaxDoc);
                MarkTerm(searcher, term.Term, rows, null);
                break;
            case PhraseQuery phrase:
                var lead = int.MaxValue;
                foreach (var t in phrase.GetTerms()) lead = Math.Min(lead, states.DocFreq(t));
                if (lead < _minLeadRows) return null;
                rows = new FixedBitSet(searcher.IndexReader.MaxDoc);
                PhraseMarks.Mark(searcher, phrase, rows, null, rows);
                break;
            default:
                return null;
        }
        if (Interlocked.Add(ref _bytes, _bytesPerClause) > _maxBytes)
        {
            _rows.Clear();
            Interlocked.Exchange(ref _bytes, _bytesPerClause);
        }
        return _rows.GetOrAdd(key, rows);
    }

    /// <summary>Sets the bit of every live row that has the term, in <paramref name="docs"/> and <paramref name="inName"/> (when given).</summary>
    internal static void MarkTerm(IndexSearcher searcher, Term term, FixedBitSet docs, FixedBitSet? inName)
    {
        var context = TermStates.Of(searcher).Get(term);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (context.Get(leaf.Ord) is not { } state) continue; // not in this segment
            var terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is null) continue;
            terms.SeekExact(term.Bytes, state);
            var postings = terms.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
            for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
            {
                docs.Set(leaf.DocBase + doc);
                inName?.Set(leaf.DocBase + doc);
            }
        }
    }

    /// <summary>What the clause matches, as a key: its field, its words at their positions as given (the boost does not
    /// change the rows); null for a clause this does not keep.</summary>
    private static string? Key(Query clause)
    {
        switch (clause)
        {
            case TermQuery term:
                return "t\u0003" + term.Term.Field + '\u0003' + term.Term.Text;
            case PhraseQuery phrase when PhraseMarks.Handles(phrase):
                var terms = phrase.GetTerms();
                if (terms.Length == 0) return null;
                var positions = phrase.GetPositions();
                var key = new StringBuilder("p\u0003").Append(terms[0].Field).Append('\u0003').Append(phrase.Slop.ToString(CultureInfo.InvariantCulture));
                for (var i = 0; i < terms.Length; i++)
                {
                    // PhraseMarks reads every word from the first word's field, as Lucene's phrase queries do.
                    key.Append('\u0003').Append(terms[i].Text).Append('\u0002').Append(positions[i].ToString(CultureInfo.InvariantCulture));
                }
                return key.ToString();
            default:
                return null;
        }
    }
}
