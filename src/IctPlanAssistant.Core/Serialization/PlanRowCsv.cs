using System.Globalization;

namespace IctPlanAssistant.Serialization;

/// <summary>Rows as CSV (RFC 4180): one header, the row JSON fields as columns, divisions joined with ' / '.</summary>
public static class PlanRowCsv
{
    public static readonly string[] Header =
    [
        "id", "section", "sectionTitle", "number", "isNew", "name", "summary", "budgetThousandYen", "budgetText",
        "achievement", "results", "department", "divisions", "source", "line",
    ];

    public static void Write(TextWriter writer, IEnumerable<PlanRow> rows)
    {
        writer.Write(string.Join(',', Header));
        writer.Write("\r\n");
        foreach (var r in rows)
        {
            string[] cells =
            [
                r.Id.ToString(), Int(r.Section), r.SectionTitle, Int(r.Number), r.IsNew ? "true" : "false", r.Name, r.Summary,
                r.BudgetThousandYen?.ToString(CultureInfo.InvariantCulture) ?? "", r.BudgetText, r.Achievement, r.Results,
                r.Department, string.Join(" / ", r.Divisions), r.Source, Int(r.Line),
            ];
            writer.Write(string.Join(',', cells.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Quotes a cell when it needs it; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as
    /// a formula. A negative number stays a number, but only the whole cell: <c>-2+3+cmd|…</c> is a formula.
    /// </summary>
    public static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '@' or '\t' or '\r' || (cell.Length > 1 && cell[0] == '-' && !IsNegativeNumber(cell)))
            cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }

    private static bool IsNegativeNumber(string cell) =>
        cell.Length > 1 && cell[0] == '-' && char.IsAsciiDigit(cell[1]) && cell.AsSpan(1).IndexOfAnyExcept("0123456789,.") < 0;
}
