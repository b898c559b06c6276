using IctPlanAssistant.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Ingestion;

/// <summary>The 事業費 cell: a number with thousands separators, a dash for "not given", or text that is kept as printed.</summary>
public static partial class BudgetCell
{
    /// <summary>Reads a budget cell.</summary>
    /// <param name="unitInThousandYen">What one unit of the column is worth in thousand yen (1 for 千円, 1000 for 百万円, 0.001 for 円).</param>
    /// <returns>The value in thousand yen, or null; <c>problem</c> says why a non-empty, non-dash cell was not read.</returns>
    public static long? Parse(string cell, decimal unitInThousandYen, out string? problem)
    {
        problem = null;
        var text = cell.ToNfkc().Trim();
        text = Unit().Replace(text, "").Trim();
        if (text.Length == 0 || IsDash(text)) return null;
        var m = Number().Match(text);
        if (!m.Success)
        {
            problem = $"budget '{cell.Trim()}' is not a number; kept as printed, not counted in sums";
            return null;
        }
        var value = decimal.Parse(m.Groups["digits"].Value.Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture);
        if (m.Groups["minus"].Success) value = -value;
        var thousands = value * unitInThousandYen;
        if (thousands != decimal.Truncate(thousands))
        {
            problem = $"budget '{cell.Trim()}' is not a whole number of thousand yen; rounded to {decimal.Round(thousands):N0}";
        }
        return (long)decimal.Round(thousands);
    }

    private static bool IsDash(string text) => text.All(c => c is '-' or '—' or '―' or '‐' or '－' or '–' or '─' or 'ー' or '−');

    [GeneratedRegex(@"^(?<minus>[△▲-])?\s*(?<digits>\d{1,3}(?:,\d{3})+|\d+)$")]
    private static partial Regex Number();

    [GeneratedRegex(@"(千円|百万円|円)$")]
    private static partial Regex Unit();
}
