using System.Globalization;
using System.Runtime.InteropServices;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// What the facets and the aggregate count over every match: the rows of each department, plan and section; the budget
/// sum, its extremes and each department's share, in one pass over the matches where the facets and the aggregate each
/// made their own: a broad question's matches are most of a million rows.
/// </summary>
internal sealed class MatchTally(RowValueTable values)
{
    /// <summary>Section numbers are small (1–5 in a plan): counted in an array, any other in a dictionary.</summary>
    private const int SmallSections = 64;

    private readonly int[] _departmentRows = new int[values.DepartmentNames.Length];
    private readonly long[] _departmentBudget = new long[values.DepartmentNames.Length];
    private readonly int[] _departmentNoBudget = new int[values.DepartmentNames.Length];
    private readonly int[] _planRows = new int[values.PlanNames.Length];
    private readonly int[] _smallSections = new int[SmallSections];
    private Dictionary<int, int>? _otherSections;
    private int _count;
    private int _withBudget;
    private long _budgetSum;
    private int _largest = -1, _smallest = -1;

    /// <summary>The tally of the matches.</summary>
    public static MatchTally Of(ReadOnlySpan<Match> matches, RowValueTable values)
    {
        var tally = new MatchTally(values);
        tally.Add(matches);
        return tally;
    }

    /// <remarks>The sums and extremes are kept in locals while the loop runs (a field written per row costs a store per
    /// row), the value arrays read once each.</remarks>
    private void Add(ReadOnlySpan<Match> matches)
    {
        var (departmentOf, planOf, sectionOf, budgetOf, orderOf) = (values.Department, values.Plan, values.Section, values.Budget, values.Order);
        var (departmentRows, departmentBudget, departmentNoBudget, planRows, smallSections) = (_departmentRows, _departmentBudget, _departmentNoBudget, _planRows, _smallSections);
        long sum = 0;
        var withBudget = 0;
        // The extremes are the first rows of the budget orders (the largest or smallest budget, ties to the earlier row
        // of the plan): the orders' keys compared here directly, a row at a time.
        int largest = -1, smallest = -1;
        long largestBudget = 0, largestOrder = 0, smallestBudget = 0, smallestOrder = 0;
        foreach (var match in matches)
        {
            var doc = match.Doc;
            var department = departmentOf[doc];
            if (department >= 0) departmentRows[department]++;
            if (planOf[doc] is var plan and >= 0) planRows[plan]++;
            var section = sectionOf[doc];
            if ((uint)section < SmallSections) smallSections[section]++;
            else CollectionsMarshal.GetValueRefOrAddDefault(_otherSections ??= [], section, out _)++;
            var budget = budgetOf[doc];
            if (budget == RowDocument.NoBudget)
            {
                if (department >= 0) departmentNoBudget[department]++;
                continue;
            }
            if (department >= 0) departmentBudget[department] += budget;
            sum += budget;
            withBudget++;
            var place = orderOf[doc];
            if (largest < 0 || budget > largestBudget || (budget == largestBudget && place < largestOrder)) (largest, largestBudget, largestOrder) = (doc, budget, place);
            if (smallest < 0 || budget < smallestBudget || (budget == smallestBudget && place < smallestOrder)) (smallest, smallestBudget, smallestOrder) = (doc, budget, place);
        }
        (_count, _budgetSum, _withBudget, _largest, _smallest) = (matches.Length, sum, withBudget, largest, smallest);
    }

    public Facets Facets(IndexManifest? manifest)
    {
        var sections = new List<KeyValuePair<int, int>>();
        for (var s = 0; s < SmallSections; s++)
        {
            if (_smallSections[s] > 0) sections.Add(new(s, _smallSections[s]));
        }
        if (_otherSections is not null) sections.AddRange(_otherSections);
        return new Facets(
            _departmentRows.Select((count, d) => new FacetCount(values.DepartmentNames[d], values.DepartmentNames[d], count))
                .Where(f => f.Count > 0)
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
            sections.OrderBy(s => s.Key).Select(s => new FacetCount(
                s.Key.ToString(CultureInfo.InvariantCulture),
                manifest?.SectionTitle(s.Key) ?? s.Key.ToString(CultureInfo.InvariantCulture),
                s.Value)).ToList())
        {
            Plans = _planRows.Select((count, p) => new FacetCount(values.PlanNames[p], values.PlanNames[p], count))
                .Where(f => f.Count > 0)
                .OrderBy(f => f.Value, StringComparer.Ordinal).ToList(),
        };
    }

    /// <param name="rows">The first matches in id order (the rows an aggregate lists).</param>
    public RowAggregate Aggregate(IndexSnapshot snapshot, IReadOnlyList<PlanRow> rows) =>
        new(
            _count,
            _withBudget,
            _budgetSum,
            rows,
            rows.Where(r => r.BudgetThousandYen is not null).ToList(),
            _largest >= 0 ? snapshot.Row(_largest) : null,
            _smallest >= 0 ? snapshot.Row(_smallest) : null)
        {
            BudgetByDepartment = Enumerable.Range(0, _departmentRows.Length)
                .Where(d => _departmentRows[d] > 0)
                .Select(d => new DepartmentBudget(values.DepartmentNames[d], _departmentBudget[d], _departmentRows[d], _departmentNoBudget[d]))
                .OrderByDescending(b => b.BudgetThousandYen).ThenBy(b => b.Department, StringComparer.Ordinal)
                .ToList(),
        };
}
