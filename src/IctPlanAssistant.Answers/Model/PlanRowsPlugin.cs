using System.ComponentModel;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Serialization;
using Microsoft.SemanticKernel;

namespace IctPlanAssistant.Answers.Model;

/// <summary>
/// Functions the model may call (AI:EnableTools) to narrow a search or sum budgets, through the same query
/// search as every channel. Every row a call returns joins the turn's
/// <see cref="GroundedRows"/>, so the answer may cite it, and no other.
/// </summary>
public sealed class PlanRowsPlugin(PlanSearch search, GroundedRows grounded, string? plan)
{
    public const string Name = "plan";

    private const int MaxRows = 10;

    [KernelFunction("search_rows")]
    [Description("計画の表を検索し、該当する事業の行を JSON Lines で返します（id は引用に使います）。部局名や「新規」「1億円以上」などの条件も書けます。")]
    public string SearchRows([Description("検索文（日本語。例: 保健福祉部 タブレット）")] string query)
    {
        var result = Retrieve(query);
        var rows = result.Rows.Take(MaxRows).Select(r => r.Row).ToList();
        grounded.Add(rows);
        return rows.Count == 0 ? "[]" : ModelInput.Rows(rows.Select(r => (r, true)));
    }

    [KernelFunction("aggregate")]
    [Description("検索に該当したすべての事業の件数と事業費の合計（千円）を、合計に使った行の id・事業名・事業費とともに JSON で返します。")]
    public string Aggregate([Description("検索文（日本語。例: 農林水産部）")] string query)
    {
        var aggregate = Retrieve(query).Aggregate;
        grounded.Add(aggregate.Rows);
        return PlanJson.Serialize(new
        {
            count = aggregate.Count,
            rowsWithBudget = aggregate.CountWithBudget,
            budgetSum = AnswerPhrases.Number(aggregate.BudgetSum) + "千円",
            rows = aggregate.Rows.Select(r => new { id = r.Id.ToString(), name = r.Name, budget = r.BudgetThousandYen is null ? "—" : r.BudgetText + "千円" }),
        });
    }

    private RetrievalResult Retrieve(string query) =>
        search.Search(new SearchRequest(query) { Top = MaxRows, Filters = new SearchFilters { Plan = plan } });
}
