using IctPlanAssistant.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Achievement;

/// <summary>
/// Reads a row's achievement and result cells, which state targets and results in words
/// (<c>目標95件に対し、80件実施</c>, <c>13地区の整備目標に対し4地区を実施</c>), into an <see cref="AchievementStatus"/>.
/// </summary>
public static partial class AchievementClassifier
{
    public static AchievementStatus Classify(string achievement, string results)
    {
        var a = achievement.ToNfkc();
        var status = AchievementStatus.None;
        if (a.Contains("計画どおり") || a.Contains("計画通り")) status |= AchievementStatus.AsPlanned;
        if (a.Contains("未実施") || (IsDash(a) && results.Contains("未実施"))) status |= AchievementStatus.NotImplemented;
        if (a.Contains("該当事例なし") || a.Contains("該当なし")) status |= AchievementStatus.NoCases;
        if (a.Contains("下回") || a.Contains("未達")) status |= AchievementStatus.BelowTarget;
        foreach (var (target, actual) in TargetsAndResults(a))
        {
            status |= actual < target ? AchievementStatus.BelowTarget : AchievementStatus.Achieved;
        }
        if ((status & (AchievementStatus.BelowTarget | AchievementStatus.Achieved)) == 0 &&
            (a.Contains("達成") || a.Contains("上回")) && !a.Contains("未達"))
        {
            status |= AchievementStatus.Achieved;
        }
        return status;
    }

    /// <summary>
    /// How much of its stated targets a row reached (13地区の整備目標に対し4地区: 0.31), the mean over every target it states
    /// with a result in the same unit; null when it states none.
    /// </summary>
    public static double? Rate(string achievement)
    {
        var rates = TargetsAndResults(achievement.ToNfkc()).Where(p => p.Target > 0).Select(p => (double)(p.Actual / p.Target)).ToList();
        return rates.Count == 0 ? null : rates.Average();
    }

    /// <summary>Pairs of a stated target and the result against it, where both are numbers with the same unit.</summary>
    internal static IEnumerable<(decimal Target, decimal Actual)> TargetsAndResults(string text)
    {
        foreach (Match m in Against().Matches(text))
        {
            var before = Quantities().Matches(m.Groups["before"].Value);
            var after = Quantities().Matches(m.Groups["after"].Value);
            if (before.Count == 0 || after.Count == 0) continue;
            var target = before[^1];
            var actual = after[0];
            if (Unit(target) != Unit(actual)) continue;
            yield return (Number(target), Number(actual));
        }
    }

    private static decimal Number(Match quantity) =>
        Parse(quantity.Groups["n"].Value) + (quantity.Groups["rest"].Success ? Parse(quantity.Groups["rest"].Value) * RestOfOku(quantity.Groups["of"].Value) : 0);

    private static string Unit(Match quantity) => quantity.Groups["rest"].Success ? "億円" : quantity.Groups["unit"].Value;

    private static decimal Parse(string number) => decimal.Parse(number.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>What one of the smaller unit after 億 is worth in 億 (15億4千万円: 4 × 0.1).</summary>
    private static decimal RestOfOku(string unit) => unit switch { "千万" => 0.1m, "百万" => 0.01m, _ => 0.0001m };

    private static bool IsDash(string text) => text.Trim() is "—" or "-" or "―" or "－" or "";

    // "<target part>に対し<result part>", the result part ending at the next clause.
    [GeneratedRegex(@"(?<before>[^。()]{0,40}?)に対し(?:て)?[、,]?(?<after>[^。()]{0,40})")]
    private static partial Regex Against();

    // A sum in 億 with a smaller unit after it (15億4千万円) is in 億円, as 12億円 is.
    [GeneratedRegex(@"(?<n>\d[\d,]*(?:\.\d+)?)\s*(?:億\s*(?<rest>\d[\d,]*)\s*(?<of>千万|百万|万)円|(?<unit>千人|万人|人|名|件|地区|回|校|社|台|%|箇所|か所|店|億円|万円|千円|円))")]
    private static partial Regex Quantities();
}
