using System.Globalization;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>Turns the filters of an interpretation into one Lucene query that every result must match.</summary>
internal static class FilterQueryBuilder
{
    /// <summary>The filter, or null when the interpretation has none.</summary>
    public static Query? Build(QueryInterpretation q)
    {
        var all = new BooleanQuery();
        AddAnyOf(all, PlanFields.Department, q.Departments);
        AddAnyOf(all, PlanFields.Section, q.Sections.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        AddAnyOf(all, PlanFields.Division, q.Divisions);
        AddAnyOf(all, PlanFields.Id, q.Scope?.Select(id => id.ToString()) ?? []);
        // An empty scope matches nothing, nor does a year the plan does not report.
        if (q.Scope is { Count: 0 } || q.OtherYear is not null) all.Add(new TermQuery(new Term(PlanFields.Id, "")), Occur.MUST);
        AddAnyOf(all, PlanFields.Achievement, Enum.GetValues<AchievementStatus>()
            .Where(f => f != AchievementStatus.None && q.Achievement.HasFlag(f)).Select(f => f.ToString()));
        if (q.IsNew is { } isNew) all.Add(new TermQuery(new Term(PlanFields.IsNew, isNew ? "1" : "0")), Occur.MUST);
        if (q.HasBudget is { } hasBudget) all.Add(new TermQuery(new Term(PlanFields.HasBudget, hasBudget ? "1" : "0")), Occur.MUST);
        if (q.Budget is { } budget)
            all.Add(NumericRangeQuery.NewInt64Range(PlanFields.Budget, budget.Min, budget.Max, minInclusive: true, maxInclusive: false), Occur.MUST);
        if (q.Plan is { } plan) all.Add(new TermQuery(new Term(PlanFields.Plan, plan)), Occur.MUST);
        foreach (var department in q.ExceptDepartments.Distinct()) all.Add(new TermQuery(new Term(PlanFields.Department, department)), Occur.MUST_NOT);
        foreach (var division in q.ExceptDivisions.Distinct()) all.Add(new TermQuery(new Term(PlanFields.Division, division)), Occur.MUST_NOT);
        foreach (var id in q.ExceptRows.Distinct()) all.Add(new TermQuery(new Term(PlanFields.Id, id.ToString())), Occur.MUST_NOT);
        // Only leaving out (警察本部以外): every other row, which a query of prohibitions alone would not match.
        if (all.Clauses.Count > 0 && all.Clauses.All(c => c.Occur == Occur.MUST_NOT)) all.Add(new MatchAllDocsQuery(), Occur.MUST);
        return all.Clauses.Count == 0 ? null : all;
    }

    private static void AddAnyOf(BooleanQuery all, string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Distinct()) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        if (any.Clauses.Count > 0) all.Add(any, Occur.MUST);
    }
}
