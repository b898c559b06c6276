using System.Globalization;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// Amounts for a reader who does not count in thousands of yen: the plan's figure (千円) said in 兆/億/万円, rounded to
/// two places of the largest unit (約19億4千万円, 約1,235万円), with 約 only when rounding changed it, and the exact figure
/// beside it (約19億4千万円（1,943,682千円）). Under 1万円 the amount is exact in yen (5,000円).
/// </summary>
public static class YenAmount
{
    private const long Man = 10_000, Oku = 100_000_000, Cho = 1_000_000_000_000;

    /// <summary>The amount in 億円/万円: 1,943,682千円 → 約19億4千万円; 12,345千円 → 約1,235万円; 100,000千円 → 1億円; 5千円 → 5,000円.</summary>
    public static string Plain(long thousandYen)
    {
        if (thousandYen < 0) return "マイナス" + Plain(-thousandYen);
        var yen = checked(thousandYen * 1000);
        // Rounded to the unit below the largest one: 千万 from 1億, 千億 from 1兆, 万 under 1億.
        var step = yen >= Cho ? Cho / 10 : yen >= Oku ? Oku / 10 : yen >= Man ? Man : 1;
        var rounded = (yen + step / 2) / step * step;
        return (rounded == yen ? "" : "約") + Units(rounded) + "円";
    }

    /// <summary>The amount in 億円/万円 with the exact figure beside it: 約19億4千万円（1,943,682千円）.</summary>
    public static string WithExact(long thousandYen) => $"{Plain(thousandYen)}（{Exact(thousandYen)}）";

    /// <summary>The figure as the plan prints it: 1,943,682千円.</summary>
    public static string Exact(long thousandYen) => thousandYen.ToString("N0", CultureInfo.InvariantCulture) + "千円";

    /// <summary>Yen in 兆, 億 and 万 (each part 1–9999, a whole thousand as 4千), and the rest under 1万 with a comma.</summary>
    private static string Units(long yen)
    {
        if (yen == 0) return "0";
        var parts = new List<string>();
        foreach (var (unit, name) in new[] { (Cho, "兆"), (Oku, "億"), (Man, "万") })
        {
            var part = yen / unit % Man;
            if (part > 0) parts.Add(Part(part) + name);
        }
        var rest = yen % Man;
        if (rest > 0) parts.Add(rest.ToString("N0", CultureInfo.InvariantCulture));
        return string.Concat(parts);
    }

    private static string Part(long n) => n % 1000 == 0 ? $"{n / 1000}千" : n.ToString("N0", CultureInfo.InvariantCulture);
}
