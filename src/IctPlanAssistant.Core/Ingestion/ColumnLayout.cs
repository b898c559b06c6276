using IctPlanAssistant.Text;
using System.Text;

namespace IctPlanAssistant.Ingestion;

/// <summary>
/// Which cell of a row holds which column, read from the table's header row (整理番号, 新規, 施策（事業）名称, …),
/// so that a year whose table adds, drops or moves a column is still read by name.
/// </summary>
public sealed class ColumnLayout
{
    private readonly int[] _index;

    private ColumnLayout(int cellCount, int[] index, decimal budgetUnit)
    {
        CellCount = cellCount;
        _index = index;
        BudgetUnitInThousandYen = budgetUnit;
    }

    /// <summary>The layout of the 2017 plan: nine cells in the order of <see cref="PlanColumn"/>.</summary>
    public static ColumnLayout Default { get; } = new(9, [0, 1, 2, 3, 4, 5, 6, 7, 8], 1m);

    public int CellCount { get; }

    /// <summary>What one unit of the budget column is worth in thousand yen, from the header's （千円）/（円）/（百万円）.</summary>
    public decimal BudgetUnitInThousandYen { get; }

    /// <summary>The cell of a column, or empty when the table has no such column.</summary>
    public string Cell(IReadOnlyList<string> cells, PlanColumn column) =>
        _index[(int)column] is var i and >= 0 ? cells[i] : "";

    /// <summary>
    /// Whether the cells look like a header row: the first cell names the number column, or, where the columns
    /// were moved, one cell names the number column and another the name column.
    /// </summary>
    public static bool IsHeader(IReadOnlyList<string> cells)
    {
        if (cells.Count == 0) return false;
        var columns = cells.Select(c => Classify(Normalize(c))).ToList();
        return columns[0] == PlanColumn.Number || (columns.Contains(PlanColumn.Number) && columns.Contains(PlanColumn.Name));
    }

    /// <summary>Reads a header row; <paramref name="problem"/> names a required column that is missing.</summary>
    public static ColumnLayout? FromHeader(IReadOnlyList<string> cells, out string? problem)
    {
        var index = Enumerable.Repeat(-1, Enum.GetValues<PlanColumn>().Length).ToArray();
        var unit = 1m;
        for (var i = 0; i < cells.Count; i++)
        {
            var text = Normalize(cells[i]);
            if (Classify(text) is not { } column || index[(int)column] >= 0) continue;
            index[(int)column] = i;
            if (column == PlanColumn.Budget) unit = BudgetUnit(text);
        }
        var missing = new[] { PlanColumn.Number, PlanColumn.Name, PlanColumn.Department }
            .Where(c => index[(int)c] < 0).ToList();
        if (missing.Count > 0)
        {
            problem = $"header row has no {string.Join(", ", missing)} column (cells: {string.Join(" | ", cells)})";
            return null;
        }
        problem = null;
        return new ColumnLayout(cells.Count, index, unit);
    }

    private static string Normalize(string cell) => cell.ToNfkc().Replace(" ", "");

    private static PlanColumn? Classify(string h)
    {
        if (h.Contains("整理番号") || h is "番号" or "No" or "No." or "NO" or "NO.") return PlanColumn.Number;
        if (h.Contains("新規")) return PlanColumn.New;
        if (h.Contains("事業費") || h.Contains("予算") || h.Contains("金額")) return PlanColumn.Budget;
        if (h.Contains("達成")) return PlanColumn.Achievement;
        if (h.Contains("実績") || h.Contains("成果")) return PlanColumn.Results;
        if (h.Contains("名称") || h.Contains("事業名") || h.Contains("施策")) return PlanColumn.Name;
        if (h.Contains("概要") || h.Contains("内容")) return PlanColumn.Summary;
        if (h.Contains("部局")) return PlanColumn.Department;
        if (h.Contains("担当") || h.EndsWith("課", StringComparison.Ordinal) || h.Contains("課名")) return PlanColumn.Divisions;
        return null;
    }

    private static decimal BudgetUnit(string header) =>
        header.Contains("百万円") ? 1000m : header.Contains("千円") ? 1m : header.Contains("円") ? 0.001m : 1m;
}
