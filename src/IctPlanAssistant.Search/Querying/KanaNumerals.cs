using System.Text;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Amounts of yen typed in kana (いちおくえん, ごせんまんえん, さんびゃくまんえん), read as their kanji numerals (一億円, 五千万円,
/// 三百万円) so that <see cref="BudgetExpression"/> reads them as it reads any amount: a question typed on a phone
/// without converting is as much a budget condition as one typed in kanji. Fiscal years typed so (にじゅうきゅうねんど)
/// are written 二十九年度 for the same reason: read in kanji they name the plan's year, not a word to search.
/// </summary>
internal static class KanaNumerals
{
    /// <summary>
    /// Each numeral's readings, with the sound changes a number brings (いっせん, ろっぴゃく, はっぴゃく, さんびゃく, さんぜん).
    /// し (four) and く (nine) are left out: amounts say よん and きゅう, and those single syllables are in many words.
    /// </summary>
    private static readonly (string Kana, char Kanji)[] Readings =
    [
        ("いち", '一'), ("いっ", '一'), ("に", '二'), ("さん", '三'), ("よん", '四'), ("ご", '五'), ("ろく", '六'), ("ろっ", '六'),
        ("なな", '七'), ("しち", '七'), ("はち", '八'), ("はっ", '八'), ("きゅう", '九'), ("じゅう", '十'), ("じゅっ", '十'),
        ("ひゃく", '百'), ("びゃく", '百'), ("ぴゃく", '百'), ("せん", '千'), ("ぜん", '千'), ("まん", '万'), ("おく", '億'), ("ちょう", '兆'),
    ];

    // The longest reading first: a scan takes a whole reading wherever a shorter one starts the same way.
    private static readonly (string Kana, char Kanji)[] Longest = [.. Readings.OrderByDescending(r => r.Kana.Length)];

    /// <summary>A run of kana numerals, as a pattern: the readings, longest first.</summary>
    private static readonly string NumeralRun = "(?:" + string.Join("|", Longest.Select(r => r.Kana)) + ")+";

    /// <summary>
    /// A run of kana numerals that names a figure (not a myriad alone: まんえん is also 蔓延), then えん and a comparison:
    /// only a budget condition is rewritten. On the non-backtracking engine, as every expression on typed text.
    /// </summary>
    private static readonly Regex Amount = new(
        "(?<amount>" + NumeralRun + @")えん(?<comparison>\s*(?:を|が|の)?\s*(?:" + BudgetExpression.Comparisons + "))",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>A run of kana numerals before ねんど (fiscal year): にじゅうきゅうねんど, へいせいさんじゅうねんど.</summary>
    private static readonly Regex FiscalYear = new(
        "(?<amount>" + NumeralRun + ")ねんど",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    /// <summary>
    /// The text with each amount typed in kana that a comparison follows written in kanji numerals instead (いちおくえんいじょう →
    /// 一億円いじょう), and each fiscal year typed in kana too (にじゅうきゅうねんど → 二十九年度).
    /// </summary>
    public static string InKanji(string text)
    {
        if (text.Contains("ねんど", StringComparison.Ordinal))
            text = FiscalYear.Replace(text, m => ToKanji(m.Groups["amount"].Value) + "年度");
        return !text.Contains("えん", StringComparison.Ordinal) ? text : Amount.Replace(text, m =>
        {
            var kanji = ToKanji(m.Groups["amount"].Value);
            return kanji.All(IsMyriad) ? m.Value : kanji + "円" + m.Groups["comparison"].Value;
        });
    }

    private static bool IsMyriad(char c) => c is '万' or '億' or '兆';

    /// <summary>The kana numerals of <paramref name="kana"/> as kanji numerals (いちおくごせんまん → 一億五千万); anything else as it is.</summary>
    private static string ToKanji(string kana)
    {
        var kanji = new StringBuilder(kana.Length);
        for (var i = 0; i < kana.Length;)
        {
            var reading = Array.FindIndex(Longest, r => string.CompareOrdinal(kana, i, r.Kana, 0, r.Kana.Length) == 0);
            if (reading < 0)
            {
                kanji.Append(kana[i++]);
                continue;
            }
            kanji.Append(Longest[reading].Kanji);
            i += Longest[reading].Kana.Length;
        }
        return kanji.ToString();
    }
}
