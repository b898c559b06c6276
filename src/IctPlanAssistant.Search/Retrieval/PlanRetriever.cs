using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The retrieval layer every channel uses: per turn, the filters select rows, each term group of the question is
/// matched once and weighed, a coverage gate keeps only rows matching most of what the question is about; then the
/// ranked rows, facets, the aggregate and highlighted snippets.
/// </summary>
public sealed class PlanRetriever
{
    private readonly PlanIndex _index;
    private readonly TextQueryBuilder _text;
    private readonly SnippetHighlighter _highlighter;

    public PlanRetriever(PlanIndex index, Analyzer analyzer)
    {
        _index = index;
        _text = new TextQueryBuilder(analyzer);
        _highlighter = new SnippetHighlighter(analyzer);
    }

    public PlanIndex Index => _index;

    public RetrievalResult Retrieve(QueryInterpretation interpretation, RetrievalOptions? options = null)
    {
        using var snapshot = _index.Acquire();
        return Retrieve(interpretation, options ?? RetrievalOptions.Default, snapshot);
    }

    /// <summary>Retrieves from one snapshot (the one the question was read against).</summary>
    public RetrievalResult Retrieve(QueryInterpretation interpretation, RetrievalOptions options, IndexSnapshot snapshot)
    {
        var values = snapshot.Values;
        // The retrieval's bit sets are rented, and given back when it is done (the result holds none of them).
        using var sets = RowSets.Begin();
        using var postings = ReusedPostings.Begin(); // and its postings enumerators go back to the thread's pool
        var (gated, matches, near) = Match(interpretation, options, snapshot);
        using var rented = matches; // nothing of the result refers to the list: its storage goes back to the pool

        var textDecides = gated.Any(g => !g.IsSoft);
        var sort = options.Sort != RowSort.Relevance ? options.Sort : interpretation.Order;
        var highlightQuery = options.Highlight && gated.Count > 0 ? HighlightQuery(gated) : null;
        var spellings = highlightQuery is null ? [] : gated.SelectMany(g => g.Term.Alternatives.Concat(g.Term.Synonyms.Select(s => s.Word))).Distinct().ToList();
        // The facets' and the aggregate's counts in one pass over the matches (a broad question's are most of the index).
        var tally = MatchTally.Of(matches.AsSpan(), values);
        var facets = interpretation.Intent == AnswerIntent.MostProjectsByDivision
            ? tally.Facets(snapshot.Manifest) with { Divisions = DivisionsOf(matches, snapshot.Searcher.IndexReader) }
            : tally.Facets(snapshot.Manifest);
        var order = MatchOrder.For(sort, ranked: gated.Count > 0, values);
        var top = BusiestOf(interpretation.Intent, facets, snapshot) is { } busiest ? BusiestFirst(order, matches, busiest, options.Top) : order.Top(matches, options.Top);
        RetrievedRow RowOf(Match m) =>
            new(snapshot.Row(m.Doc), m.Score, m.Coverage, highlightQuery is null ? [] : _highlighter.Highlight(highlightQuery, spellings, snapshot.Row(m.Doc))) { ContentCoverage = m.Content, Missed = MissedBy(m.Doc, gated) };
        var rows = top.Select(RowOf).ToList();
        // Without words every row matches fully: nothing to list apart. The best full matches and how many there are, in
        // one pass over the matches, chosen in place: a copy of a broad question's matches (most of the index) would be
        // large-object arrays. The test is written in the loop: a predicate's delegate called per row cost more than the
        // rest of the pass.
        var full = new TopMatches(MatchOrder.For(RowSort.Relevance, ranked: true, values), options.AggregateRowLimit, matches.Count);
        if (gated.Count > 0)
        {
            foreach (var match in matches.AsSpan())
            {
                if (match.Content >= 1 - RowLevels.Tie) full.Offer(match);
            }
        }
        // The rows an aggregate lists: the first matches in id order.
        var aggregate = tally.Aggregate(snapshot, MatchOrder.ById(values).Top(matches, options.AggregateRowLimit).Select(m => snapshot.Row(m.Doc)).ToList());
        // Only their ids: a row's stored JSON is read and parsed only for a row the answer may show.
        var fullMatches = full.ToList().Select(m => snapshot.RowId(m.Doc)).ToList();
        return new RetrievalResult(
            interpretation,
            matches.Count,
            rows,
            facets,
            aggregate)
        {
            TextDecides = textDecides,
            Unmatched = matches.Count == 0 ? [] : gated.Where(g => g.MatchesNothing && !g.Term.IgnorableWhenUnknown).Select(g => g.Term).ToList(),
            FullMatches = fullMatches,
            FullMatchCount = full.Offered,
            Near = near.Take(options.Top - rows.Count).Select(RowOf).ToList(),
        };
    }

    /// <summary>The rows an interpretation matches (within the rows its <see cref="QueryInterpretation.Within"/> question matches), and its gated word groups.</summary>
    private (IReadOnlyList<GatedGroup> Gated, MatchList Matches, List<Match> Near) Match(QueryInterpretation interpretation, RetrievalOptions options, IndexSnapshot snapshot)
    {
        var searcher = snapshot.Searcher;
        var values = snapshot.Values;
        var filterQuery = FilterQueryBuilder.Build(interpretation);
        var filter = filterQuery is null ? null : BitSetCollector.Of(searcher, filterQuery);
        if (interpretation.Within is { } within)
        {
            var earlier = RowSets.New(values.MaxDoc);
            using var earlierMatches = Match(within, options, snapshot).Matches;
            foreach (var match in earlierMatches) earlier.Set(match.Doc);
            if (filter is null) filter = earlier;
            else filter.And(earlier);
        }
        var groups = interpretation.Terms
            .Select(t => (Query: _text.ForGroup(t), Term: t))
            .Where(g => g.Query is not null)
            .Select(g => new GroupQuery(g.Query!, g.Term, _text.JapaneseTerms(g.Term), _text.ForSureSpellings(g.Term))
            {
                Members = g.Term.Members.Select(m => (Query: _text.ForGroup(m), Term: m)).Where(m => m.Query is not null)
                    .Select(m => new GroupQuery(m.Query!, m.Term, _text.JapaneseTerms(m.Term), _text.ForSureSpellings(m.Term))).ToList(),
            })
            .ToList();

        // No words: the filters choose the rows (every row, when there are none either).
        if (groups.Count == 0) return ([], Every(values, filter), []);
        // Leaving out a few rows (what else…?) says nothing of what the question is about.
        var narrowed = FilterQueryBuilder.Build(interpretation with { Plan = null, ExceptRows = [] }) is not null || interpretation.Within is not null;
        // Which projects …? asked with verbs alone (見守っている事業は？) asks for the rows that say them; how many, how much or
        // which is largest asked beside a verb (ちょっと聞きたいんだけど、一番…) asks about every row.
        var listing = interpretation.Intent is AnswerIntent.List or AnswerIntent.Fact;
        var gated = groups.Select(g => g.Term.Part).Distinct().Count() > 1
            ? MatchParts(searcher, values, groups, filter, narrowed, options, listing)
            : CoverageGate.Run(searcher, values, groups, filter, narrowed, options.MinCoverage, options.Top, options.CommonWordsOnlyRank, listing);
        if (gated.Matches.Count > 0 || interpretation.Scope is not { Count: > 0 } scope) return gated;
        // A question of fact about the one row the previous answer gave (how many did they lend?) asks what that row says:
        // its words choose what to tell of it, not whether it is the answer. Which of them…? still asks whether it is (そのうち
        // 特別支援教育のものは？ after the drone row: none); one told by what it is (the special needs one) may be another row
        // of the plan, where PlanSearch looks.
        if (scope.Count == 1)
        {
            if (interpretation.Intent != AnswerIntent.Fact || interpretation.TellsOne) return gated;
            gated.Matches.Dispose(); // empty, and replaced
            return (gated.Groups, Every(values, filter), []);
        }
        // A follow-up that tells one of the previous answer's rows by what it is about (the programming school one) means
        // the one of them its other words tell: a word none of them has does not empty the answer.
        var telling = groups.Where((_, i) => !gated.Groups[i].MatchesNothing).ToList();
        if (telling.Count == 0 || telling.Count == groups.Count) return gated;
        gated.Matches.Dispose(); // empty, and replaced
        return CoverageGate.Run(searcher, values, telling, filter, narrowed, options.MinCoverage, options.Top, options.CommonWordsOnlyRank, listing);
    }

    /// <summary>
    /// The rows of a question that asks for two things (<see cref="QuestionParts"/>): each part is gated on its own, and a
    /// row that answers any part is a match, with the coverage of the part it covers best.
    /// </summary>
    private static (List<GatedGroup> Groups, MatchList Matches, List<Match> Near) MatchParts(IndexSearcher searcher, RowValueTable values,
        List<GroupQuery> groups, FixedBitSet? filter, bool narrowed, RetrievalOptions options, bool listing)
    {
        var allGroups = new List<GatedGroup>();
        var best = new Dictionary<int, Match>();
        var near = new Dictionary<int, Match>();
        static bool Better(Match a, Match b) => a.Content > b.Content || a.Content == b.Content && (a.Coverage > b.Coverage || a.Coverage == b.Coverage && a.Score > b.Score);
        foreach (var part in groups.GroupBy(g => g.Term.Part).OrderBy(p => p.Key))
        {
            var (partGroups, matches, partNear) = CoverageGate.Run(searcher, values, [.. part], filter, narrowed, options.MinCoverage, options.Top, options.CommonWordsOnlyRank, listing);
            using (matches)
            {
                allGroups.AddRange(partGroups);
                foreach (var match in matches)
                {
                    if (!best.TryGetValue(match.Doc, out var kept) || Better(match, kept)) best[match.Doc] = match;
                }
            }
            foreach (var match in partNear)
            {
                if (!near.TryGetValue(match.Doc, out var kept) || Better(match, kept)) near[match.Doc] = match;
            }
        }
        var merged = new MatchList(best.Count);
        foreach (var match in best.Values.OrderBy(m => values.Order[m.Doc])) merged.Add(match);
        var nearest = near.Values.Where(m => !best.ContainsKey(m.Doc)).OrderByDescending(m => m.Coverage).ThenBy(m => values.Order[m.Doc])
            .Take(Math.Max(0, options.Top - best.Count)).ToList();
        return (allGroups, merged, nearest);
    }

    /// <summary>
    /// The things of the question a row lacks; of a question in parts, the things of the part the row covers best (a row
    /// that answers one part lacks nothing of the other).
    /// </summary>
    private static IReadOnlyList<TermGroup> MissedBy(int doc, IReadOnlyList<GatedGroup> gated)
    {
        if (gated.Count == 0) return [];
        var part = gated.All(g => g.Term.Part == 0) ? 0 : BestPart(doc, gated);
        // People described by what they do (受講した人) narrow the verbal noun the row has: never a thing it lacks.
        return gated.Where(g => g.Term.Part == part && g.IsThing && !g.Term.InContext && !g.Term.DescribesPeople && g.Docs is { } docs && !docs.Get(doc))
            .Select(g => g.Term).ToList();
    }

    /// <summary>The part of the question a row covers the greatest share of (a part of words too common to decide covers every row).</summary>
    private static int BestPart(int doc, IReadOnlyList<GatedGroup> gated) =>
        gated.GroupBy(g => g.Term.Part)
            .Select(p => (Part: p.Key, Total: p.Where(g => !g.IsSoft).Sum(g => g.Weight),
                Covered: p.Where(g => !g.IsSoft && g.Docs is { } docs && docs.Get(doc)).Sum(g => g.Weight)))
            .Select(p => (p.Part, Share: p.Total > 0 ? p.Covered / p.Total : 1))
            .OrderByDescending(p => p.Share).ThenBy(p => p.Part).First().Part;

    /// <summary>One row by id, or null.</summary>
    public PlanRow? Get(RowId id)
    {
        using var snapshot = _index.Acquire();
        var top = snapshot.Searcher.Search(new TermQuery(new Term(PlanFields.Id, id.ToString())), 1);
        return top.TotalHits == 0 ? null : snapshot.Row(top.ScoreDocs[0].Doc);
    }

    /// <summary>Every row, in id order.</summary>
    public IEnumerable<PlanRow> All()
    {
        using var snapshot = _index.Acquire();
        var values = snapshot.Values;
        using var every = Every(values, filter: null);
        foreach (var match in ((IEnumerable<Match>)every).OrderBy(m => values.Order[m.Doc]))
        {
            yield return snapshot.Row(match.Doc);
        }
    }

    /// <summary>Every live row the filter allows (every live row without one), unscored.</summary>
    private static MatchList Every(RowValueTable values, FixedBitSet? filter)
    {
        // Sized at once: a list grown by doubling to 100k rows would leave a trail of large-object arrays. Written in place.
        var count = filter is null ? values.MaxDoc : (int)filter.Cardinality;
        var matches = new MatchList(count);
        var room = matches.Room(count);
        var written = 0;
        for (var doc = 0; doc < values.MaxDoc; doc++)
        {
            if ((filter is null || filter.Get(doc)) && values.IsLive(doc)) room[written++] = new Match(doc, 0f, 1f);
        }
        matches.Added(written);
        return matches;
    }

    /// <summary>The groups' queries together, for marking their words in snippets (never run).</summary>
    private static Query HighlightQuery(IReadOnlyList<GatedGroup> groups)
    {
        var query = new BooleanQuery();
        foreach (var group in groups) query.Add(group.Query, Occur.SHOULD);
        return query;
    }

    /// <summary>Which department (division) has the most projects? is answered by its rows: they come first, then the others.</summary>
    private static List<Match> BusiestFirst(MatchOrder order, MatchList matches, FixedBitSet busiest, int top)
    {
        var first = order.Top(matches, top, m => busiest.Get(m.Doc));
        return first.Count == top ? first : [.. first, .. order.Top(matches, top - first.Count, m => !busiest.Get(m.Doc))];
    }

    /// <summary>The rows of the department or division with the most matches (each, when tied), for a question that asks which; else null.</summary>
    private static FixedBitSet? BusiestOf(AnswerIntent intent, Facets facets, IndexSnapshot snapshot)
    {
        var values = snapshot.Values;
        switch (intent)
        {
            case AnswerIntent.MostProjects:
                var departments = Facets.Most(facets.Departments).Select(d => Array.IndexOf(values.DepartmentNames, d.Value)).ToHashSet();
                var rows = RowSets.New(values.MaxDoc);
                for (var doc = 0; doc < values.MaxDoc; doc++)
                {
                    if (departments.Contains(values.Department[doc])) rows.Set(doc);
                }
                return rows;
            case AnswerIntent.MostProjectsByDivision:
                var query = new BooleanQuery();
                foreach (var division in Facets.Most(facets.Divisions)) query.Add(new TermQuery(new Term(PlanFields.Division, division.Value)), Occur.SHOULD);
                return BitSetCollector.Of(snapshot.Searcher, query);
            default:
                return null;
        }
    }

    /// <summary>How many of the matches name each division (its postings walked once), most first.</summary>
    private static IReadOnlyList<FacetCount> DivisionsOf(MatchList matches, IndexReader reader)
    {
        var matched = RowSets.New(reader.MaxDoc);
        foreach (var match in matches) matched.Set(match.Doc);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(PlanFields.Division);
            if (terms is null) continue;
            var division = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (division.MoveNext())
            {
                docs = division.Docs(leaf.AtomicReader.LiveDocs, docs, DocsFlags.NONE);
                var count = 0;
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (matched.Get(leaf.DocBase + doc)) count++;
                }
                if (count == 0) continue;
                var name = division.Term.Utf8ToString();
                counts[name] = counts.GetValueOrDefault(name) + count;
            }
        }
        return counts.Select(c => new FacetCount(c.Key, c.Key, c.Value))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
    }
}
