using System.Text.Json.Serialization;

namespace IctPlanAssistant;

/// <summary>
/// One project (事業) of a plan: a row of the plan's table, cleaned, with where it came from.
/// </summary>
/// <param name="Plan">The plan's key when an index holds several plans; null in a one-plan index.</param>
/// <param name="Section">柱: the section number, 1-based, in document order.</param>
/// <param name="Number">整理番号 as printed (digits normalised).</param>
/// <param name="BudgetThousandYen">事業費 in thousand yen; null when the cell is a dash, empty or not a number.</param>
/// <param name="BudgetText">The budget cell as printed, kept so an odd value is never lost.</param>
/// <param name="Line">1-based line of the row in <paramref name="Source"/>.</param>
public sealed record PlanRow(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Plan,
    int Section,
    string SectionTitle,
    int Number,
    bool IsNew,
    string Name,
    string Summary,
    long? BudgetThousandYen,
    string BudgetText,
    string Achievement,
    string Results,
    string Department,
    IReadOnlyList<string> Divisions,
    string Source,
    int Line)
{
    /// <summary>The row id of the contract: <c>S-N</c>, or <c>plan:S-N</c> in a several-plan index.</summary>
    [JsonPropertyOrder(-1)]
    public RowId Id => new(Plan, Section, Number);
}
