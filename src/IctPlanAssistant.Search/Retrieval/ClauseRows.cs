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
/// rarer clause's walk costs about what the union does. The rows are every live row the clause matches, found once
/// without passing over rows already marked; marking is a union, so the rows a group is marked with are the same as
/// walking the clause. They are kept as a bit set when they are many, as their row numbers when few
/// (<see cref="KeptRows"/>): at a million rows a bit set is 125 KB, where a clause in 2,000 rows needs 8 KB. Memory is
/// bounded: past <see cref="MaxBytes"/> of kept rows, the cache starts again.
/// </remarks>
internal sealed class ClauseRows
{
    /// <summary>The fewest rows the rarest word of a kept clause is in, for an index of so many rows.</summary>
    internal static int LeadRows(int maxDoc) => Math.Clamp(maxDoc / 100, 16, 1024);

    /// <summary>The most clauses remembered as asked once (a bound on memory: then they are forgotten).</summary>
    private const int MaxSeenOnce = 100_000;

    /// <summary>Whether the gate uses kept rows (on, but for tests and the latency harness that compare with the walk).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>The most memory the kept rows of one snapshot take (one bit a row per clause).</summary>
    internal const long MaxBytes = 96L * 1024 * 1024;

    private static readonly ConditionalWeakTable<IndexReader, ClauseRows> ByReader = new();

    private readonly ConcurrentDictionary<string, KeptRows> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _seenOnce = new(StringComparer.Ordinal);
    private readonly int _minLeadRows;
    private readonly long _maxBytes;
    private long _bytes;

    internal ClauseRows(int maxDoc, int minLeadRows, long maxBytes = MaxBytes)
    {
        _minLeadRows = minLeadRows;
        _maxBytes = maxBytes;
    }

    public static ClauseRows Of(IndexSearcher searcher) => ByReader.GetValue(searcher.IndexReader, r => new ClauseRows(r.MaxDoc, LeadRows(r.MaxDoc)));

    /// <summary>Forgets what was kept for the reader's snapshot (the latency harness's <c>--cold</c>: each question as if
    /// no other had been asked before it).</summary>
    internal static void Forget(IndexReader reader) => ByReader.Remove(reader);

    /// <summary>How many clauses' rows are kept.</summary>
    public int Count => _rows.Count;

    /// <summary>What the kept rows take in memory.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Every live row the clause matches, kept or found now and kept; null when the clause is not one this keeps (a
    /// term or phrase whose rarest word is in fewer rows than <see cref="LeadRows"/>, or a phrase
    /// <see cref="PhraseMarks"/> does not mark), and the first time a clause is asked for. The rows returned are
    /// shared: never change them.
    /// </summary>
    public KeptRows? Rows(IndexSearcher searcher, Query clause)
    {
        if (!Enabled || Key(clause) is not { } key) return null;
        if (_rows.TryGetValue(key, out var kept)) return kept;
        // Kept from its second use on: finding all of a clause's rows costs more than the walk that passes over the rows
        // marked already, which a clause asked once (a question's own words) then pays alone.
        if (_seenOnce.TryAdd(key, true))
        {
            if (_seenOnce.Count > MaxSeenOnce) _seenOnce.Clear();
            return null;
        }
        var states = TermStates.Of(searcher);
        var maxDoc = searcher.IndexReader.MaxDoc;
        FixedBitSet found;
        switch (clause)
        {
            case TermQuery term:
                var df = states.DocFreq(term.Term);
                if (df < _minLeadRows) return null;
                found = Found(maxDoc, df);
                MarkTerm(searcher, term.Term, found, null);
                break;
            case PhraseQuery phrase:
                var lead = int.MaxValue;
                foreach (var t in phrase.GetTerms()) lead = Math.Min(lead, states.DocFreq(t));
                if (lead < _minLeadRows) return null;
                found = Found(maxDoc, lead);
                PhraseMarks.Mark(searcher, phrase, found, null, found);
                break;
            default:
                return null;
        }
        kept = KeptRows.Of(found);
        if (Interlocked.Add(ref _bytes, kept.Bytes) > _maxBytes)
        {
            _rows.Clear();
            Interlocked.Exchange(ref _bytes, kept.Bytes);
        }
        return _rows.GetOrAdd(key, kept);
    }

    /// <summary>Where a clause's rows are found: a set that may be kept (a new one), or, when they are surely few enough
    /// to be kept as row numbers (at most <paramref name="most"/>), one of the retrieval's (<see cref="RowSets"/>).</summary>
    private static FixedBitSet Found(int maxDoc, int most) => KeptRows.Sparse(most, maxDoc) ? RowSets.New(maxDoc) : new FixedBitSet(maxDoc);

    /// <summary>Sets the bit of every live row that has the term, in <paramref name="docs"/> and <paramref name="inName"/> (when given).</summary>
    internal static void MarkTerm(IndexSearcher searcher, Term term, FixedBitSet docs, FixedBitSet? inName)
    {
        var context = TermStates.Of(searcher).Get(term);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (context.Get(leaf.Ord) is not { } state) continue; // not in this segment
            if (ReusedPostings.Terms(leaf, term.Field) is not { } terms) continue;
            terms.SeekExact(term.Bytes, state);
            var postings = ReusedPostings.Docs(leaf, terms, term.Field, leaf.AtomicReader.LiveDocs);
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
                return "t\u0003" + term.Term.Field + '\u0003' + TermText.Of(term.Term);
            case PhraseQuery phrase when PhraseMarks.Handles(phrase):
                var terms = phrase.GetTerms();
                if (terms.Length == 0) return null;
                var positions = phrase.GetPositions();
                var key = new StringBuilder("p\u0003").Append(terms[0].Field).Append('\u0003').Append(phrase.Slop.ToString(CultureInfo.InvariantCulture));
                for (var i = 0; i < terms.Length; i++)
                {
                    // PhraseMarks reads every word from the first word's field, as Lucene's phrase queries do.
                    key.Append('\u0003').Append(TermText.Of(terms[i])).Append('\u0002').Append(positions[i].ToString(CultureInfo.InvariantCulture));
                }
                return key.ToString();
            default:
                return null;
        }
    }
}

/// <summary>The rows of a kept clause: a bit set when they are many, their row numbers (ascending) when few.</summary>
internal sealed class KeptRows
{
    private readonly FixedBitSet? _bits;
    private readonly int[]? _docs;

    private KeptRows(FixedBitSet? bits, int[]? docs, long bytes) => (_bits, _docs, Bytes) = (bits, docs, bytes);

    /// <summary>What the rows take in memory.</summary>
    public long Bytes { get; }

    /// <summary>Whether so many rows of an index of <paramref name="maxDoc"/> rows take less room as row numbers (32 bits
    /// each) than as a bit a row.</summary>
    public static bool Sparse(long rows, int maxDoc) => rows * 32 < maxDoc;

    /// <summary>The rows of the set, as a bit set (that one, which must not change afterwards) or as row numbers.</summary>
    public static KeptRows Of(FixedBitSet rows)
    {
        var count = rows.Cardinality;
        if (!Sparse(count, rows.Length)) return new KeptRows(rows, null, FixedBitSet.Bits2words(rows.Length) * 8L);
        var docs = new int[count];
        var i = 0;
        foreach (var doc in SetBits.Of(rows)) docs[i++] = doc;
        return new KeptRows(null, docs, docs.Length * 4L);
    }

    /// <summary>Sets the rows in <paramref name="target"/> (a set of the same number of rows).</summary>
    public void AddTo(FixedBitSet target)
    {
        if (_bits is not null)
        {
            target.Or(_bits);
            return;
        }
        foreach (var doc in _docs!) target.Set(doc);
    }
}
