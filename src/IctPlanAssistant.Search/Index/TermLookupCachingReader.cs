using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// A segment whose term dictionary remembers each term it was asked for (where its postings start, how many documents
/// hold it), so that a term a question shares with earlier questions is not looked up again. A segment never changes,
/// so what it answered stays true. Lucene builds a phrase's term states inside <c>PhraseWeight</c> (and again for each
/// weight of the same phrase), where they cannot be handed in from outside; this is where they can be kept. A lookup
/// walks the terms index and loads a block of the dictionary, and Lucene.Net allocates some kilobytes to do it.
/// </summary>
internal sealed class TermLookupCachingReader : FilterAtomicReader
{
    /// <summary>Beyond this many terms the cache starts again (a bound on memory, far above what questions use).</summary>
    private const int MaxTerms = 100_000;

    private readonly ConcurrentDictionary<FieldTerm, TermLookup> _lookups = new();

    private TermLookupCachingReader(AtomicReader input) : base(input)
    {
    }

    /// <summary>A reader over the same segments, in the same order (so with the same doc ids), each remembering its lookups.</summary>
    /// <remarks>The segments stay the given reader's: closing the returned reader leaves them open.</remarks>
    public static IndexReader Over(DirectoryReader reader) =>
        new MultiReader(reader.Leaves.Select(l => (IndexReader)new TermLookupCachingReader(l.AtomicReader)).ToArray(), closeSubReaders: false);

    // The wrappers are made once (a segment's fields and terms never change): a question asks for a field's terms
    // dozens of times, and each ask made two new objects.
    private CachingFields? _fields;

    public override Fields Fields => _fields ??= base.Fields is { } fields ? new CachingFields(fields, this) : null!;

    private TermLookup? Find(string field, BytesRef term) => _lookups.TryGetValue(new FieldTerm(field, term), out var found) ? found : null;

    private void Remember(string field, BytesRef term, TermLookup lookup)
    {
        if (_lookups.Count >= MaxTerms) _lookups.Clear();
        _lookups.TryAdd(new FieldTerm(field, BytesRef.DeepCopyOf(term)), lookup);
    }

    private readonly record struct FieldTerm(string Field, BytesRef Term);

    /// <summary>What the dictionary said of a term: its state (null: the segment does not have it) and its frequencies.</summary>
    private sealed record TermLookup(TermState? State, int DocFreq, long TotalTermFreq);

    private sealed class CachingFields(Fields input, TermLookupCachingReader reader) : FilterFields(input)
    {
        private readonly ConcurrentDictionary<string, Terms?> _terms = new(StringComparer.Ordinal);

        public override Terms GetTerms(string field)
        {
            if (_terms.TryGetValue(field, out var known)) return known!;
            var terms = base.GetTerms(field) is { } input ? new CachingTerms(input, field, reader) : null;
            return _terms.GetOrAdd(field, terms)!;
        }
    }

    private sealed class CachingTerms(Terms input, string field, TermLookupCachingReader reader) : FilterTerms(input)
    {
        public override TermsEnum GetEnumerator() => new CachingTermsEnum(m_input, field, reader);

        public override TermsEnum GetEnumerator(TermsEnum reuse) => GetEnumerator();

        // Automaton queries (prefixes, wildcards) walk the dictionary in their own way: nothing to remember.
        public override TermsEnum Intersect(CompiledAutomaton compiled, BytesRef startTerm) => m_input.Intersect(compiled, startTerm);
    }

    /// <summary>
    /// Answers an exact seek from what the segment said before, and creates the segment's own enumerator only when
    /// something more is asked of it (the postings, the next term): building a term state needs the answer alone.
    /// </summary>
    private sealed class CachingTermsEnum(Terms terms, string field, TermLookupCachingReader reader) : TermsEnum
    {
        private TermsEnum? _input;
        private (BytesRef Term, TermLookup Lookup)? _pending; // sought from the cache; the segment's enumerator not yet there

        private TermsEnum Input => _input ??= terms.GetEnumerator();

        /// <summary>The segment's enumerator, standing where the last exact seek left this one.</summary>
        /// <param name="walking">Whether it is to walk on from there: a new enumerator seeks by state only to read
        /// postings, and its next term after such a seek is the dictionary's first (BlockTree's MoveNext starts a fresh
        /// enumerator from the top), so a walk needs a real seek.</param>
        private TermsEnum Positioned(bool walking = false)
        {
            if (_pending is { } pending)
            {
                if (walking) Input.SeekExact(pending.Term);
                else Input.SeekExact(pending.Term, pending.Lookup.State!);
                _pending = null;
            }
            return Input;
        }

        public override bool SeekExact(BytesRef text)
        {
            if (reader.Find(field, text) is { } known)
            {
                _pending = known.State is null ? null : (BytesRef.DeepCopyOf(text), known);
                return known.State is not null;
            }
            _pending = null;
            if (!Input.SeekExact(text))
            {
                reader.Remember(field, text, new TermLookup(null, 0, 0));
                return false;
            }
            reader.Remember(field, text, new TermLookup(Input.GetTermState(), Input.DocFreq, Input.TotalTermFreq));
            return true;
        }

        public override void SeekExact(BytesRef term, TermState state)
        {
            _pending = null;
            Input.SeekExact(term, state);
        }

        public override TermState GetTermState() => _pending is { } pending ? pending.Lookup.State! : Input.GetTermState();

        public override int DocFreq => _pending is { } pending ? pending.Lookup.DocFreq : Input.DocFreq;

        public override long TotalTermFreq => _pending is { } pending ? pending.Lookup.TotalTermFreq : Input.TotalTermFreq;

        public override BytesRef Term => _pending is { } pending ? pending.Term : Input.Term;

        public override IComparer<BytesRef> Comparer => terms.Comparer;

        [Obsolete("Use MoveNext() and Term instead.")]
#pragma warning disable CS0618 // the base method is obsolete, and still abstract: it must be passed on
        public override BytesRef Next() => Positioned(walking: true).Next();
#pragma warning restore CS0618

        public override bool MoveNext() => Positioned(walking: true).MoveNext();

        public override SeekStatus SeekCeil(BytesRef text)
        {
            _pending = null;
            return Input.SeekCeil(text);
        }

        public override void SeekExact(long ord)
        {
            _pending = null;
            Input.SeekExact(ord);
        }

        public override long Ord => Positioned(walking: true).Ord;

        public override DocsEnum Docs(IBits liveDocs, DocsEnum reuse, DocsFlags flags) => Positioned().Docs(liveDocs, reuse, flags);

        public override DocsAndPositionsEnum DocsAndPositions(IBits liveDocs, DocsAndPositionsEnum reuse, DocsAndPositionsFlags flags) =>
            Positioned().DocsAndPositions(liveDocs, reuse, flags);
    }
}
