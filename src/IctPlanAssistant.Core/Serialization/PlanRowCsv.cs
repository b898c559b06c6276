using System.Globalization;

namespace IctPlanAssistant.Serialization;

/// <summary>One CSV column: its header and how a row fills it.</summary>
public sealed record CsvColumn(string Header, Func<PlanRow, string> Value);

/// <summary>
/// Rows as CSV (RFC 4180): one header, then a line a row, divisions joined with ' / '. Two column sets: the row
/// JSON's field names and values (<see cref="Columns"/>, for programs: <c>ictplan export</c>), and the plan's own
/// column names with 〇 for a new project (<see cref="JapaneseColumns"/>, for staff who open the file in Excel).
/// </summary>
public static class PlanRowCsv
{
    public static readonly IReadOnlyList<CsvColumn> Columns =
    [
        new("id", r => r.Id.ToString()),
        new("section", r => Int(r.Section)),
        new("sectionTitle", r => r.SectionTitle),
        new("number", r => Int(r.Number)),
        new("isNew", r => r.IsNew ? "true" : "false"),
        new("name", r => r.Name),
        new("summary", r => r.Summary),
        new("budgetThousandYen", r => r.BudgetThousandYen?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new("budgetText", r => r.BudgetText),
        new("achievement", r => r.Achievement),
        new("results", r => r.Results),
        new("department", r => r.Department),
        new("divisions", r => string.Join(" / ", r.Divisions)),
        new("source", r => r.Source),
        new("line", r => Int(r.Line)),
    ];

    /// <summary>
    /// The plan table's column names (整理番号, 新規, 施策（事業）名称 …) without the year a document prints in some
    /// of them, led by the row id and the section, and followed by where the row was read.
    /// </summary>
    public static readonly IReadOnlyList<CsvColumn> JapaneseColumns =
    [
        new("番号", r => r.Id.ToString()),
        new("柱", r => Int(r.Section)),
        new("柱の名称", r => r.SectionTitle),
        new("整理番号", r => Int(r.Number)),
        new("新規", r => r.IsNew ? "〇" : ""),
        new("施策（事業）名称", r => r.Name),
        new("取組概要", r => r.Summary),
        new("事業費（千円）", r => r.BudgetThousandYen?.ToString(CultureInfo.InvariantCulture) ?? ""),
        new("事業費（資料の記載）", r => r.BudgetText),
        new("目標の達成度", r => r.Achievement),
        new("取組実績・成果等", r => r.Results),
        new("部局等名", r => r.Department),
        new("担当課", r => string.Join(" / ", r.Divisions)),
        new("資料", r => r.Source),
        new("行", r => Int(r.Line)),
    ];

    public static readonly string[] Header = Columns.Select(c => c.Header).ToArray();

    public static void Write(TextWriter writer, IEnumerable<PlanRow> rows, IReadOnlyList<CsvColumn>? columns = null)
    {
        columns ??= Columns;
        writer.Write(string.Join(',', columns.Select(c => Quote(c.Header))));
        writer.Write("\r\n");
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', columns.Select(c => Quote(c.Value(r)))));
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
