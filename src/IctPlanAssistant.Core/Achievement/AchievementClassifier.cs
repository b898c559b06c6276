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
            if (target.Groups["unit"].Value != actual.Groups["unit"].Value) continue;
            yield return (Number(target), Number(actual));
        }
    }

    private static decimal Number(Match quantity) =>
        decimal.Parse(quantity.Groups["n"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static bool IsDash(string text) => text.Trim() is "—" or "-" or "―" or "－" or "";

    // "<target part>に対し<result part>", the result part ending at the next clause.
    [GeneratedRegex(@"(?<before>[^。()]{0,40}?)に対し(?:て)?[、,]?(?<after>[^。()]{0,40})")]
    private static partial Regex Against();

    [GeneratedRegex(@"(?<n>\d[\d,]*(?:\.\d+)?)\s*(?<unit>千人|万人|人|名|件|地区|回|校|社|台|%|箇所|か所|店|億円|万円|千円|円)")]
    private static partial Regex Quantities();
}
