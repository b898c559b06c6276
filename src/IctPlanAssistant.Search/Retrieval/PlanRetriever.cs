using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The retrieval layer every channel uses: one Lucene query per turn (the filters as a filter, the words as a
/// ranked query), a coverage gate that keeps only rows matching most of what the question is about, then
/// facets, the aggregate and highlighted snippets.
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
        options ??= RetrievalOptions.Default;
        using var snapshot = _index.Acquire();
        var searcher = snapshot.Searcher;
        var filter = FilterQueryBuilder.Build(interpretation);
        var groups = interpretation.Terms
            .Select(t => (Query: _text.ForGroup(t), Term: t))
            .Where(g => g.Query is not null)
            .Select(g => (g.Query!, g.Term))
            .ToList();

        List<ScoredValues> matches;
        Query? textQuery = null;
        var textDecides = false;
        int total;
        if (groups.Count == 0 && filter is null && interpretation.Intent == AnswerIntent.List && !options.BrowseWhenEmpty)
        {
            // Nothing was asked that a row could match: an honest empty result, not the whole plan.
            matches = [];
            total = 0;
        }
        else if (groups.Count == 0)
        {
            var collector = new RowValuesCollector();
            searcher.Search(filter ?? new MatchAllDocsQuery(), collector);
            matches = collector.Values.Select(v => new ScoredValues(v, 0f, 1.0)).ToList();
            total = matches.Count;
        }
        else
        {
            var gated = CoverageGate.Weigh(searcher, groups, filter is not null);
            textDecides = gated.Any(g => !g.IsSoft);
            textQuery = TextQuery(gated);
            Query query = filter is null ? textQuery : new FilteredQuery(textQuery, new QueryWrapperFilter(filter));
            // The hit queue is allocated to its full size up front: no larger than the index.
            var top = searcher.Search(query, Math.Max(1, Math.Min(options.CandidateLimit, searcher.IndexReader.MaxDoc)));
            matches = CoverageGate.Apply(searcher, gated, top.ScoreDocs, options.MinCoverage);
            total = top.TotalHits > options.CandidateLimit ? top.TotalHits : matches.Count;
        }

        var sort = options.Sort != RowSort.Relevance ? options.Sort : interpretation.Intent switch
        {
            AnswerIntent.Largest => RowSort.BudgetDescending,
            AnswerIntent.Smallest => RowSort.BudgetAscending,
            _ => RowSort.Relevance,
        };
        var ordered = Order(matches, sort, textQuery is not null).ToList();
        var rows = ordered.Take(options.Top)
            .Select(m => Load(snapshot, m, options.Highlight ? textQuery : null))
            .ToList();
        return new RetrievalResult(
            interpretation,
            total,
            rows,
            FacetsOf(matches, snapshot.Manifest),
            AggregateOf(snapshot, ordered, options.AggregateRowLimit))
        {
            TextDecides = textDecides,
        };
    }

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
        var collector = new RowValuesCollector();
        snapshot.Searcher.Search(new MatchAllDocsQuery(), collector);
        foreach (var values in collector.Values.OrderBy(v => v.Order))
        {
            yield return snapshot.Row(values.Doc);
        }
    }

    /// <summary>The ranked text query: a row must match one decisive group (when there is one); soft groups only add to the score.</summary>
    private static Query TextQuery(IReadOnlyList<GatedGroup> groups)
    {
        var text = new BooleanQuery();
        var hard = new BooleanQuery();
        foreach (var group in groups)
        {
            if (group.IsSoft) text.Add(group.Query, Occur.SHOULD);
            else hard.Add(group.Query, Occur.SHOULD);
        }
        text.Add(hard.Clauses.Count > 0 ? hard : new MatchAllDocsQuery { Boost = 0.001f }, Occur.MUST);
        return text;
    }

    private static IEnumerable<ScoredValues> Order(List<ScoredValues> matches, RowSort sort, bool ranked) => sort switch
    {
        RowSort.BudgetDescending => matches.OrderByDescending(m => m.Values.Budget).ThenBy(m => m.Values.Order),
        RowSort.BudgetAscending => matches.OrderBy(m => m.Values.HasBudget ? 0 : 1).ThenBy(m => m.Values.Budget).ThenBy(m => m.Values.Order),
        RowSort.Relevance when ranked => matches.OrderByDescending(m => m.Score).ThenBy(m => m.Values.Order),
        _ => matches.OrderBy(m => m.Values.Order),
    };

    private RetrievedRow Load(IndexSnapshot snapshot, ScoredValues match, Query? textQuery)
    {
        var row = snapshot.Row(match.Values.Doc);
        var snippets = textQuery is null ? [] : _highlighter.Highlight(textQuery, row);
        return new RetrievedRow(row, match.Score, match.Coverage, snippets);
    }

    private static Facets FacetsOf(List<ScoredValues> matches, IndexManifest? manifest)
    {
        var departments = matches.GroupBy(m => m.Values.Department)
            .Select(g => new FacetCount(g.Key, g.Key, g.Count()))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        var sections = matches.GroupBy(m => m.Values.Section).OrderBy(g => g.Key)
            .Select(g => new FacetCount(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), manifest?.SectionTitle(g.Key) ?? g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count()))
            .ToList();
        return new Facets(departments, sections);
    }

    private static RowAggregate AggregateOf(IndexSnapshot snapshot, List<ScoredValues> ordered, int rowLimit)
    {
        var withBudget = ordered.Where(m => m.Values.HasBudget).ToList();
        var sum = withBudget.Sum(m => m.Values.Budget);
        PlanRow Read(ScoredValues m) => snapshot.Row(m.Values.Doc);
        var inIdOrder = ordered.OrderBy(m => m.Values.Order).Take(rowLimit).Select(Read).ToList();
        var largest = withBudget.Count == 0 ? null : Read(withBudget.MaxBy(m => m.Values.Budget));
        var smallest = withBudget.Count == 0 ? null : Read(withBudget.MinBy(m => m.Values.Budget));
        return new RowAggregate(ordered.Count, sum, inIdOrder, inIdOrder.Where(r => r.BudgetThousandYen is not null).ToList(), largest, smallest);
    }
}

internal readonly record struct ScoredValues(RowValues Values, float Score, double Coverage);


