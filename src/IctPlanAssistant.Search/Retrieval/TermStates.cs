using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The term dictionary's answer for each term a question looks up (where its postings start in each segment, its
/// document frequency), kept per index reader: a snapshot never changes, so an answer never goes stale, and the words
/// questions share (事業, 情報, 支援…) are looked up once instead of once per question. A lookup walks the term index
/// and loads a block of the dictionary, and Lucene.Net allocates some 5 KB for the enumerator that does it.
/// <para>
/// Term queries are given their state (Lucene then skips the lookup when it builds their weight), and the gate's
/// estimates read it. Phrase queries build theirs inside Lucene, per segment, where they cannot be handed a state:
/// the snapshot's segments remember those lookups themselves (<see cref="Index.TermLookupCachingReader"/>).
/// </para>
/// </summary>
internal sealed class TermStates
{
    /// <summary>Beyond this many terms the cache starts again (a bound on memory, far above what questions use).</summary>
    private const int MaxTerms = 100_000;

    private static readonly ConditionalWeakTable<IndexReader, TermStates> ByReader = new();

    private readonly IndexReaderContext _top;
    private readonly ConcurrentDictionary<Term, TermContext> _states = new();

    private TermStates(IndexReaderContext top) => _top = top;

    // A static callback: a lambda over the searcher allocated a closure and a delegate on every call, dozens a question.
    public static TermStates Of(IndexSearcher searcher) => ByReader.GetValue(searcher.IndexReader, static reader => new TermStates(reader.Context));

    public TermContext Get(Term term)
    {
        if (_states.TryGetValue(term, out var state)) return state;
        state = TermContext.Build(_top, term);
        if (_states.Count >= MaxTerms) _states.Clear();
        return _states.GetOrAdd(term, state);
    }

    /// <summary>How many documents hold the term (deleted ones included), as <see cref="IndexReader.DocFreq"/> counts them.</summary>
    public int DocFreq(Term term) => Get(term).DocFreq;

    /// <summary>The same query, its term queries carrying their cached state (disjunctions are rebuilt around them).</summary>
    public Query WithStates(Query query) => query switch
    {
        TermQuery term => new TermQuery(term.Term, Get(term.Term)) { Boost = term.Boost },
        DisjunctionMaxQuery disjunction => new DisjunctionMaxQuery(disjunction.Disjuncts.Select(WithStates).ToList(), disjunction.TieBreakerMultiplier) { Boost = disjunction.Boost },
        _ => query,
    };
}
