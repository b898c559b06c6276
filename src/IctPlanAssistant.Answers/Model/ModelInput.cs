using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Serialization;

namespace IctPlanAssistant.Answers.Model;

/// <summary>
/// What the model is shown, as data: rows as JSON lines with their ids, the question and the history as JSON
/// strings. JSON quoting (with &lt; &gt; &amp; " escaped) keeps the user's text inside its value, so a question
/// cannot close its block and pose as instructions; the prompt tells the model the blocks are data.
/// </summary>
public static class ModelInput
{
    /// <summary>The rows to give the model: those the built-in composer would cite, then the rest of the ranking,
    /// up to <paramref name="max"/> in full; an aggregate's further rows are added in short (id, name, budget) so
    /// that every row counted or summed can be cited.</summary>
    public static IReadOnlyList<(PlanRow Row, bool Full)> RowsFor(RetrievalResult result, int max)
    {
        var chosen = new List<(PlanRow, bool)>();
        var seen = new HashSet<RowId>();
        foreach (var row in RowSelection.Select(result).Listed.Concat(result.Rows.Select(r => r.Row)))
        {
            if (seen.Count >= max) break;
            if (seen.Add(row.Id)) chosen.Add((row, true));
        }
        if (result.Interpretation.Intent is AnswerIntent.Count or AnswerIntent.Sum)
        {
            foreach (var row in result.Aggregate.Rows)
            {
                if (seen.Add(row.Id)) chosen.Add((row, false));
            }
        }
        return chosen;
    }

    public static string Rows(IEnumerable<(PlanRow Row, bool Full)> rows) =>
        string.Join('\n', rows.Select(r => r.Full ? PlanJson.Serialize(FullRow.Of(r.Row)) : PlanJson.Serialize(ShortRow.Of(r.Row))));

    public static string Row(PlanRow row) => PlanJson.Serialize(FullRow.Of(row));

    public static string Text(string text) => PlanJson.Serialize(text);

    /// <summary>The last turns of the conversation (question and answer), oldest first.</summary>
    public static string History(IReadOnlyList<ConversationTurn> history, int turns = 3) =>
        PlanJson.Serialize(history.TakeLast(turns).Select(t => new { question = t.Question, answer = t.Answer }));

    /// <summary>The retrieval's aggregate, the figures the model may state about every row that matched.</summary>
    public static string Facts(RetrievalResult result)
    {
        var a = result.Aggregate;
        if (result.Interpretation.OtherYear is { } year) return AnswerPhrases.OtherYear(year, ja: true);
        if (result.IsEmpty) return "該当する事業はありません（0件）。";
        return $"該当 {a.Count}件（事業費の記載がある {a.CountWithBudget}件の事業費合計 {AnswerPhrases.Number(a.BudgetSum)}千円）。" +
               (a.Rows.Count > 0 ? $" 該当した事業の id: {string.Join(", ", a.Rows.Select(r => r.Id))}" : "");
    }

    public static string Language(QueryLanguage language) => language == QueryLanguage.English ? "英語（English）" : "日本語";

    private static string Budget(PlanRow row) => row.BudgetThousandYen is null ? "—（記載なし）" : $"{row.BudgetText}千円";

    private sealed record FullRow(string Id, string Section, string Name, bool IsNew, string Department, IReadOnlyList<string> Divisions, string Budget, string Summary, string Achievement, string Results)
    {
        public static FullRow Of(PlanRow r) => new(r.Id.ToString(), r.SectionTitle, r.Name, r.IsNew, r.Department, r.Divisions, ModelInput.Budget(r), r.Summary, r.Achievement, r.Results);
    }

    private sealed record ShortRow(string Id, string Name, bool IsNew, string Department, string Budget)
    {
        public static ShortRow Of(PlanRow r) => new(r.Id.ToString(), r.Name, r.IsNew, r.Department, ModelInput.Budget(r));
    }
}
