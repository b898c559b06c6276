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
        var text = EnglishNumber().Replace(question.ToNfkc().ToLowerInvariant(), m => EnglishNumberWords.ValueOf(m.Value).ToString(CultureInfo.InvariantCulture));
        var match = Counted().Match(text) is { Success: true } m ? m : Ordered().Match(text);
        return match.Success ? NumberOf(match) : 1;
    }

    /// <summary>
    /// Where in the order the question's rows begin: 2番目に大きい, 三番目に安い, the second largest, the runner-up, 次に大きい
    /// (2); 1 when it says no place.
    /// </summary>
    public static int Place(string question)
    {
        var text = question.ToNfkc().ToLowerInvariant();
        if (PlaceNumber().Match(text) is { Success: true } numbered) return NumberOf(numbered);
        if (PlaceWord().Match(text) is { Success: true } worded)
            return worded.Groups["w"].Value switch { "third" or "3rd" => 3, "fourth" or "4th" => 4, "fifth" or "5th" => 5, _ => 2 };
        return 1;
    }

    /// <summary>Whether a place said before <paramref name="end"/> (2番目) goes on to an order's adjective (…に大きい, …に事業費が多い).</summary>
    public static bool IsPlaceInOrder(string text, int end) => OrderAfterPlace().IsMatch(text.AsSpan(end));

    [GeneratedRegex(@"^\s*に.{0,6}?(?:大き|多い|多く|高い|少な|安い|小さ|かか)")]
    private static partial Regex OrderAfterPlace();

    // 2番目に, 三番目に: a place before the order's adjective.
    [GeneratedRegex(@"(?<n>\d{1,2}|[一二三四五六七八九十])\s*番目に")]
    private static partial Regex PlaceNumber();

    // The second largest, the runner-up, the next biggest, 次に大きい.
    [GeneratedRegex(@"\b(?<w>second|third|fourth|fifth|2nd|3rd|4th|5th|next)\s+(?:largest|biggest|highest|most|smallest|cheapest|lowest|least)\b|(?<w>runner[- ]?up)|(?<w>次に)(?:大き|高|多|少な|安|小さ)")]
    private static partial Regex PlaceWord();

    /// <summary>The number a match's group n holds (3, 三), from 1 to <see cref="Max"/>.</summary>
    private static int NumberOf(Match match)
    {
        var number = match.Groups["n"].Value;
        var value = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : KanjiDigit(number);
        return Math.Clamp(value, 1, Max);
    }

    private static int KanjiDigit(string number) => "一二三四五六七八九十".IndexOf(number[0], StringComparison.Ordinal) + 1;

    // A number before a counter: 3つ, 三つ, 5件, 3個, 3 projects, three e-government projects (two words may describe them).
    // Not the rows it points at (その二つで大きいほう, 2つのうち): those are the previous answer's, however many.
    [GeneratedRegex(@"(?<!(?:その|この|あの)\s*)(?<n>\d{1,2}|[一二三四五六七八九十])\s*(?!つ\s*(?:の\s*うち|の\s*中|で))(?:つ|件|個|事業|(?:[a-z][a-z-]*\s+){0,2}(?:projects?|programs?|programmes?|ones)\b)")]
    private static partial Regex Counted();

    // A number written as a word (the three cheapest, top five): one is left out, as "which one" counts nothing.
    [GeneratedRegex(@"\b(?:two|three|four|five|six|seven|eight|nine|ten)\b")]
    private static partial Regex EnglishNumber();

    // A number after or before an order word: 上位3, トップ5, top 3, first 3, the 3 cheapest.
    [GeneratedRegex(@"(?:上位|トップ|top|first)\s*(?<n>\d{1,2})|(?<n>\d{1,2})\s+(?:cheapest|smallest|largest|biggest|priciest|costliest|most|least|lowest|highest)")]
    private static partial Regex Ordered();
}
