using System.Globalization;
using System.Text.RegularExpressions;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// How many rows a question in a budget order asks for: 予算が少ない順に3つ, 上位5件, top 3, the 3 cheapest. One row when
/// it says no number. Read only once the question is known to ask for an order, so a number elsewhere (柱3, 3億円)
/// is never taken for it: the number must stand beside a counter (つ, 件, projects) or an order word (上位, top, cheapest).
/// </summary>
public static partial class RankCount
{
    /// <summary>The most rows an order question lists: beyond this it is a list, not a ranking.</summary>
    public const int Max = 10;

    public static int Read(string question)
    {
        var text = question.ToNfkc().ToLowerInvariant();
        var match = Counted().Match(text) is { Success: true } m ? m : Ordered().Match(text);
        if (!match.Success) return 1;
        var number = match.Groups["n"].Value;
        var value = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : KanjiDigit(number);
        return Math.Clamp(value, 1, Max);
    }

    private static int KanjiDigit(string number) => "一二三四五六七八九十".IndexOf(number[0], StringComparison.Ordinal) + 1;

    // A number before a counter: 3つ, 三つ, 5件, 3個, 3 projects.
    [GeneratedRegex(@"(?<n>\d{1,2}|[一二三四五六七八九十])\s*(?:つ|件|個|事業|projects?|programs?|programmes?|ones)")]
    private static partial Regex Counted();

    // A number after or before an order word: 上位3, トップ5, top 3, first 3, the 3 cheapest.
    [GeneratedRegex(@"(?:上位|トップ|top|first)\s*(?<n>\d{1,2})|(?<n>\d{1,2})\s+(?:cheapest|smallest|largest|biggest|priciest|costliest|most|least|lowest|highest)")]
    private static partial Regex Ordered();
}
