using Lucene.Net.Index;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The terms and postings enumerators the gate reads a segment with, reused from one question to the next on the
/// thread. Lucene.Net allocates some kilobytes for each terms enumerator (its frames and term buffer) and each postings
/// enumerator (its blocks of decoded doc ids, frequencies and positions), and a question reads dozens of postings:
/// they were the largest share of what an answer allocated. Lucene reuses a postings enumerator it is handed back when
/// it was made for the same segment (the <c>reuse</c> argument), and resets it for the new term.
/// </summary>
/// <remarks>
/// A postings enumerator read within a scope (<see cref="Begin"/>) is the scope's until it ends, then goes back to the
/// thread's pool: scorers hold theirs until the scoring is done, so none may be handed out twice before. Outside a
/// scope each is new, as Lucene makes it. A retrieval runs on one thread from start to end (nothing in it awaits), as
/// for <see cref="RowSets"/>. A terms enumerator is only sought and asked for postings, which do not depend on it
/// afterwards, so one per segment and field serves every caller on the thread in turn. The pool holds a few segments'
/// enumerators (those of the index last read; it starts again past <see cref="MaxSlots"/>).
/// </remarks>
internal sealed class ReusedPostings : IDisposable
{
    /// <summary>The most segment-and-field pairs a thread keeps enumerators for.</summary>
    private const int MaxSlots = 64;

    [ThreadStatic]
    private static Dictionary<(AtomicReader Reader, string Field), Slot?>? _slots;

    [ThreadStatic]
    private static ReusedPostings? _current;

    private readonly ReusedPostings? _outer;
    private readonly List<(Slot Slot, DocsEnum Postings, bool HasPositions)> _lent = [];

    private ReusedPostings(ReusedPostings? outer) => _outer = outer;

    /// <summary>Starts a scope on this thread: the postings read until it is disposed are reused afterwards.</summary>
    public static ReusedPostings Begin() => _current = new ReusedPostings(_current);

    /// <summary>The segment's terms of the field, to seek a term in and read its postings from at once; null when no
    /// document of the segment has the field.</summary>
    public static TermsEnum? Terms(AtomicReaderContext leaf, string field) => SlotOf(leaf.AtomicReader, field)?.Terms;

    /// <summary>The positions of the term <paramref name="terms"/> (from <see cref="Terms"/>) was last sought to.</summary>
    public static DocsAndPositionsEnum Positions(AtomicReaderContext leaf, TermsEnum terms, string field, IBits liveDocs)
    {
        var slot = _current is null ? null : SlotOf(leaf.AtomicReader, field);
        var postings = terms.DocsAndPositions(liveDocs, slot?.FreePositions.TryPop(out var free) == true ? free : null, DocsAndPositionsFlags.NONE)
                       ?? throw new InvalidOperationException($"field {field} was indexed without positions");
        if (slot is not null) _current!._lent.Add((slot, postings, true));
        return postings;
    }

    /// <summary>
    /// The rows of the term <paramref name="terms"/> (from <see cref="Terms"/>) was last sought to, without frequencies
    /// unless <paramref name="flags"/> asks for them (a reused enumerator is reset for the flags it is asked with).
    /// </summary>
    public static DocsEnum Docs(AtomicReaderContext leaf, TermsEnum terms, string field, IBits liveDocs, DocsFlags flags = DocsFlags.NONE)
    {
        var slot = _current is null ? null : SlotOf(leaf.AtomicReader, field);
        var postings = terms.Docs(liveDocs, slot?.FreeDocs.TryPop(out var free) == true ? free : null, flags);
        if (slot is not null) _current!._lent.Add((slot, postings, false));
        return postings;
    }

    private static Slot? SlotOf(AtomicReader reader, string field)
    {
        var slots = _slots ??= [];
        if (slots.TryGetValue((reader, field), out var slot)) return slot;
        // The slots of another index's segments (an earlier snapshot's) are dropped with it; those lent stay the scope's.
        if (slots.Count >= MaxSlots) slots.Clear();
        slot = reader.GetTerms(field) is { } terms ? new Slot(terms.GetEnumerator()) : null;
        slots[(reader, field)] = slot;
        return slot;
    }

    public void Dispose()
    {
        foreach (var (slot, postings, hasPositions) in _lent)
        {
            if (hasPositions) slot.FreePositions.Push((DocsAndPositionsEnum)postings);
            else slot.FreeDocs.Push(postings);
        }
        _lent.Clear();
        if (ReferenceEquals(_current, this)) _current = _outer;
    }

    /// <summary>One segment's field: its terms enumerator, and the postings enumerators free to be reused.</summary>
    private sealed class Slot(TermsEnum terms)
    {
        public TermsEnum Terms { get; } = terms;

        public Stack<DocsAndPositionsEnum> FreePositions { get; } = new();

        public Stack<DocsEnum> FreeDocs { get; } = new();
    }
}
