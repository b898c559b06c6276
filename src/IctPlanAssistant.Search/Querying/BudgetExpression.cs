using System.Globalization;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Reads budget conditions from a normalised question, in thousand yen (the plan's unit):
/// <c>1億円以上</c>, <c>5千万円未満</c>, <c>100万円未満</c>, <c>1000万円以上</c>, <c>1億5千万円を超える</c>,
/// <c>over 100 million yen</c>, <c>less than ¥5 million</c>, <c>10 million yen or more</c>, <c>¥100M or more</c>.
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
            yield return new(m.Index, m.Index + m.Length, m.Value, Bound(amount.Value, WithoutSpaces(m.Groups["op"].Value)));
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
            // "100 or more" alone may count people; ¥100M or more, 100 million yen or more are budgets.
            if (m.Groups["scale"].Length == 0 && m.Groups["unit"].Length == 0 && !m.Groups["sign"].Success) continue;
            var amount = EnglishAmount(m.Groups["n"].Value, m.Groups["scale"].Value);
            if (amount is null) continue;
            yield return new(m.Index, m.Index + m.Length, m.Value, Bound(amount.Value, m.Groups["op"].Value));
        }
    }

    /// <summary>A comparison as the bounds know it: より 大きい is より大きい.</summary>
    private static string WithoutSpaces(string op) => op.Any(char.IsWhiteSpace) ? string.Concat(op.Where(c => !char.IsWhiteSpace(c))) : op;

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
            "超" or "超え" or "超える" or "を超える" or "を超え" or "こえ" or "をこえ" or "より多い" or "より大きい" or "よりおおい" or "よりおおきい" or "over" or "more than" or "above" or "greater than" or "exceeding" or "larger than" or "bigger than"
                => new BudgetRange(next, null),
            "以下" or "いか" or "まで" or "以内" or "at most" or "up to" or "or less" or "or below" or "or under" or "and below" or "and under" or "no more than"
                => new BudgetRange(null, next),
            _ => new BudgetRange(null, whole), // 未満, より少ない, 下回る, に届かない, に満たない, を切る, under, less than, below, smaller than
        };
    }

    private static long Saturate(decimal value) => value >= long.MaxValue ? long.MaxValue : (long)value;

    /// <summary>
    /// 1億5千万 → 150,000 (thousand yen); 100万 → 1,000; 5000 (円) → 5; in kanji numerals too (一億五千万, 五千万, 百万). A figure
    /// too large for a decimal is held at <see cref="decimal.MaxValue"/> (beyond any budget either way).
    /// </summary>
    internal static decimal? JapaneseAmount(string amount)
    {
        // As a number is said: digits, then 十・百・千 within a myriad, then 万・億・兆 closing it (五千万: 5 × 1000 × 10,000).
        decimal total = 0, myriad = 0;
        decimal? number = null;
        var any = false;
        for (var i = 0; i < amount.Length; i++)
        {
            var c = amount[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i + 1 < amount.Length && (char.IsAsciiDigit(amount[i + 1]) || amount[i + 1] is ',' or '.')) i++;
                number = ParseNumber(amount[start..(i + 1)]);
            }
            else if (KanjiDigits.IndexOf(c) is var digit and >= 0) number = SaturatingAdd(SaturatingMultiply(number ?? 0, 10), digit);
            else if (WithinMyriad(c) is { } small)
            {
                myriad = SaturatingAdd(myriad, SaturatingMultiply(number ?? 1, small));
                number = null;
            }
            else if (Myriads(c) is { } large)
            {
                total = SaturatingAdd(total, SaturatingMultiply(SaturatingAdd(myriad, number ?? (myriad == 0 ? 1 : 0)), large));
                (myriad, number) = (0, null);
            }
            else continue;
            any = true;
        }
        return any ? SaturatingAdd(total, SaturatingAdd(myriad, number ?? 0)) / 1000m : null;
    }

    private const string KanjiDigits = "〇一二三四五六七八九";

    private static decimal? WithinMyriad(char c) => c switch { '十' => 10m, '百' => 100m, '千' => 1000m, _ => null };

    private static decimal? Myriads(char c) => c switch { '万' => 10_000m, '億' => 100_000_000m, '兆' => 1_000_000_000_000m, _ => null };

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
    // text), with no nested repetition and ASCII digits only: an English amount is a number and a scale; a Japanese
    // one a single run of digits, kanji numerals and units (1億5千万, 五千万), read by JapaneseAmount.
    private const string NumberPattern = @"[0-9][0-9,]*(?:\.[0-9]+)?";

    /// <summary>The comparison words after an amount, in kanji or typed in kana (1億円 いじょう, 1億円より おおきい).</summary>
    internal const string Comparisons = @"以上|以下|未満|超え|超える|を超える|を超え|超|より\s*多い|より\s*大きい|より\s*少ない|より\s*小さい|まで|以内|下回る|" +
                                        @"に届かない|に満たない|を切る|にとどかない|にみたない|をきる|" +
                                        @"いじょう|いか|みまん|こえ|をこえ|したまわる|より\s*おおい|より\s*おおきい|より\s*すくない|より\s*ちいさい";

    /// <summary>What an amount in yen is written with: digits, kanji numerals and the units of ten to a trillion.</summary>
    private const string Numeral = "0-9〇一二三四五六七八九十百千万億兆";

    // An amount starts with a digit or a kanji numeral (百万, 千万): a myriad alone (万円) names no figure.
    [GeneratedRegex(@"(?<amount>[0-9〇一二三四五六七八九十百千][" + Numeral + @",.\s]*)円\s*(?:を|が|の)?\s*(?<op>" + Comparisons + ")", RegexOptions.NonBacktracking)]
    private static partial Regex Japanese();

    [GeneratedRegex(@"(?<op>at least|more than|over|above|greater than|exceeding|larger than|bigger than|under|less than|below|smaller than|at most|up to|no more than|from)\s*(?<sign>¥|jpy|yen)?\s*(?<n>" + NumberPattern + @")\s*(?<scale>trillion|billion|bn|million|mn|m|thousand|k)?\s*(?<unit>yen|jpy)?", RegexOptions.NonBacktracking)]
    private static partial Regex EnglishPrefix();

    [GeneratedRegex(@"(?<sign>¥|jpy)?\s*(?<n>" + NumberPattern + @")\s*(?<scale>trillion|billion|bn|million|mn|m|thousand|k)?\s*(?<unit>yen|jpy)?\s*(?<op>or more|or above|and above|and over|or less|or below|or under|and below|and under)", RegexOptions.NonBacktracking)]
    private static partial Regex EnglishSuffix();
}
