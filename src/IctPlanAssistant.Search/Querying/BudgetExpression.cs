using System.Globalization;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Reads budget conditions from a normalised question, in thousand yen (the plan's unit):
/// <c>1億円以上</c>, <c>5千万円未満</c>, <c>100万円未満</c>, <c>1000万円以上</c>, <c>1億5千万円を超える</c>,
/// <c>over 100 million yen</c>, <c>less than ¥5 million</c>, <c>10 million yen or more</c>.
/// </summary>
internal static partial class BudgetExpression
{
    /// <summary>The comparison words of a budget condition, which a question may type in kana (みまん: 未満).</summary>
    public static IReadOnlyList<string> Words { get; } = ["未満", "以上", "以下", "超え", "超える", "下回る", "億円", "万円", "千円"];

    /// <summary>Finds budget conditions, consumes their text and returns the range (null when there is none).</summary>
    public static BudgetRange? Read(QueryText query)
    {
        long? min = null, max = null;
        foreach (var m in Matches(query))
        {
            (min, max) = Combine(min, max, m.Value);
            query.Consume(m.Start, m.End);
        }
        return min is null && max is null ? null : new BudgetRange(min, max);
    }

    private static (long?, long?) Combine(long? min, long? max, BudgetRange next) =>
        (next.Min is { } a ? Math.Max(min ?? a, a) : min, next.Max is { } b ? Math.Min(max ?? b, b) : max);

    private static IEnumerable<PhraseMatch<BudgetRange>> Matches(QueryText query)
    {
        var text = query.Text;
        foreach (Match m in Japanese().Matches(text))
        {
            var amount = JapaneseAmount(m.Groups["amount"].Value);
            if (amount is null) continue;
            yield return new(m.Index, m.Index + m.Length, m.Value, Bound(amount.Value, m.Groups["op"].Value));
        }
        foreach (Match m in EnglishPrefix().Matches(text))
        {
            var scale = m.Groups["scale"].Value;
            var unit = m.Groups["unit"].Value;
            // A scale or a unit that runs into a word is the start of that word ("100 more", "100 mice"): no budget.
            if (FollowedByLetter(text, m)) continue;
            // "over 100" alone may count people; a budget says yen or a scale (million, billion).
            if (scale.Length == 0 && unit.Length == 0 && !m.Groups["sign"].Success) continue;
            var amount = EnglishAmount(m.Groups["n"].Value, scale);
            if (amount is null) continue;
            yield return new(m.Index, m.Index + m.Length, m.Value, Bound(amount.Value, m.Groups["op"].Value));
        }
        foreach (Match m in EnglishSuffix().Matches(text))
        {
            var amount = EnglishAmount(m.Groups["n"].Value, m.Groups["scale"].Value);
            if (amount is null) continue;
            yield return new(m.Index, m.Index + m.Length, m.Value, Bound(amount.Value, m.Groups["op"].Value));
        }
    }

    /// <summary>The match ends inside a word: its last character and the next are both letters or digits.</summary>
    private static bool FollowedByLetter(string text, Match m)
    {
        var end = m.Index + m.Length;
        return end < text.Length && text[end] is >= 'a' and <= 'z' && !char.IsWhiteSpace(text[end - 1]);
    }

    /// <summary>
    /// The range a comparison word gives, for an amount in thousand yen (ranges are min ≤ x &lt; max). An amount
    /// beyond any budget is held at <see cref="long.MaxValue"/>: at least that finds no row, less than that every row.
    /// </summary>
    private static BudgetRange Bound(decimal thousandYen, string op)
    {
        var whole = Saturate(decimal.Ceiling(thousandYen));
        var next = thousandYen >= long.MaxValue ? long.MaxValue : (long)decimal.Floor(thousandYen) + 1;
        return op switch
        {
            "以上" or "いじょう" or "at least" or "or more" or "or above" or "and above" or "and over" or "from" => new BudgetRange(whole, null),
            "超" or "超え" or "超える" or "を超える" or "を超え" or "こえ" or "をこえ" or "より多い" or "より大きい" or "over" or "more than" or "above" or "greater than" or "exceeding" or "larger than" or "bigger than"
                => new BudgetRange(next, null),
            "以下" or "いか" or "まで" or "at most" or "up to" or "or less" or "or below" or "or under" or "and below" or "and under" or "no more than"
                => new BudgetRange(null, next),
            _ => new BudgetRange(null, whole), // 未満, より少ない, 下回る, under, less than, below, smaller than
        };
    }

    private static long Saturate(decimal value) => value >= long.MaxValue ? long.MaxValue : (long)value;

    /// <summary>
    /// 1億5千万 → 150,000 (thousand yen); 100万 → 1,000; 5000 (円) → 5. A figure too large for a decimal is held at
    /// <see cref="decimal.MaxValue"/> (beyond any budget either way).
    /// </summary>
    internal static decimal? JapaneseAmount(string amount)
    {
        var total = 0m;
        var matched = false;
        foreach (Match part in JapaneseParts().Matches(amount))
        {
            var scale = part.Groups["unit"].Value switch
            {
                "兆" => 1_000_000_000m,
                "億" => 100_000m,
                "千万" => 10_000m,
                "百万" => 1_000m,
                "万" => 10m,
                "千" => 1m,
                _ => 0.001m,
            };
            total = SaturatingAdd(total, SaturatingMultiply(ParseNumber(part.Groups["n"].Value), scale));
            matched = true;
        }
        return matched ? total : null;
    }

    private static decimal? EnglishAmount(string number, string scale) => SaturatingMultiply(ParseNumber(number), scale switch
    {
        "trillion" => 1_000_000_000m,
        "billion" or "bn" => 1_000_000m,
        "million" or "m" or "mn" => 1_000m,
        "thousand" or "k" => 1m,
        _ => 0.001m,
    });

    /// <summary>ASCII digits with thousands commas and a decimal point (the expressions match nothing else).</summary>
    private static decimal ParseNumber(string digits) =>
        decimal.TryParse(digits.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : decimal.MaxValue;

    // Both are non-negative. A factor of at most 1 cannot overflow the product, and dividing by it could overflow (0.0…01).
    private static decimal SaturatingMultiply(decimal a, decimal b) => a > 1 && b > decimal.MaxValue / a ? decimal.MaxValue : a * b;

    private static decimal SaturatingAdd(decimal a, decimal b) => a > decimal.MaxValue - b ? decimal.MaxValue : a + b;

    // Every expression reads text a user typed, so each runs on the non-backtracking engine (time linear in the
    // text), with no nested repetition and ASCII digits only: an amount is a number, then units each optionally
    // followed by a number (1億5千万), so a run of digits can be split only one way.
    private const string NumberPattern = @"[0-9][0-9,]*(?:\.[0-9]+)?";
    private const string Unit = "兆|億|千万|百万|万|千";

    [GeneratedRegex(@"(?<amount>" + NumberPattern + @"\s*(?:(?:" + Unit + @")\s*(?:" + NumberPattern + @"\s*)?)*)円\s*(?:を|が|の)?\s*(?<op>以上|以下|未満|超え|超える|を超える|を超え|超|より多い|より大きい|より少ない|より小さい|まで|下回る|いじょう|いか|みまん|こえ|をこえ|したまわる)", RegexOptions.NonBacktracking)]
    private static partial Regex Japanese();

    [GeneratedRegex(@"(?<n>" + NumberPattern + @")\s*(?<unit>" + Unit + ")?", RegexOptions.NonBacktracking)]
    private static partial Regex JapaneseParts();

    [GeneratedRegex(@"(?<op>at least|more than|over|above|greater than|exceeding|larger than|bigger than|under|less than|below|smaller than|at most|up to|no more than|from)\s*(?<sign>¥|jpy|yen)?\s*(?<n>" + NumberPattern + @")\s*(?<scale>trillion|billion|bn|million|mn|m|thousand|k)?\s*(?<unit>yen|jpy)?", RegexOptions.NonBacktracking)]
    private static partial Regex EnglishPrefix();

    [GeneratedRegex(@"(?:¥|jpy)?\s*(?<n>" + NumberPattern + @")\s*(?<scale>trillion|billion|bn|million|mn|m|thousand|k)?\s*(?:yen|jpy)\s*(?<op>or more|or above|and above|and over|or less|or below|or under|and below|and under)", RegexOptions.NonBacktracking)]
    private static partial Regex EnglishSuffix();
}
