using System.Globalization;
using System.Text.RegularExpressions;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The fiscal years a question names (FY2018, 2018年度, 平成30年度, H30, 三十年度, 来年度), in Western years, read with the
/// eras and words of data/glossary/years.tsv; and the year the plan reports, whose initial budgets are its 事業費.
/// </summary>
public sealed class FiscalYears
{
    public static FiscalYears None { get; } = new(0, [], []);

    private readonly Regex? _named;
    private readonly Dictionary<string, int> _eras;
    private readonly int _planEra;

    /// <param name="plan">The fiscal year the plan reports.</param>
    /// <param name="eras">Each name of an era with the Western year of its first year.</param>
    /// <param name="after">Words for the fiscal year after the plan's.</param>
    public FiscalYears(int plan, IEnumerable<(string Name, int FirstYear)> eras, IEnumerable<string> after)
    {
        Plan = plan;
        _eras = eras.ToDictionary(e => e.Name.ToLowerInvariant(), e => e.FirstYear);
        // The era the plan's year is in: a year of it said bare (29年度) is of that era.
        _planEra = _eras.Values.Where(first => first <= plan).DefaultIfEmpty(0).Max();
        if (plan == 0) return;
        var eraNames = string.Join("|", _eras.Keys.OrderByDescending(n => n.Length).Select(Regex.Escape));
        var afterWords = string.Join("|", after.Select(w => Regex.Escape(w.ToLowerInvariant())).DefaultIfEmpty("(?!)"));
        // Latin era letters (h, r) only before digits and not inside a word (h29, not search29).
        _named = new Regex(
            $@"(?:fy|fiscal year|fiscal)\s*'?(?<western>\d{{4}}|\d{{2}})(?!\d)" +
            $@"|(?<![\d])(?<western>(?:19|20)\d{{2}})\s*年度" +
            $@"|(?<![a-z])(?<era>{eraNames})\s*(?<number>\d{{1,2}}|[元一二三四五六七八九十]+)(?!\d)\s*(?:年度|年)?" +
            $@"|(?<![\d一二三四五六七八九十元])(?<number>\d{{1,2}}|[元一二三四五六七八九十]+)\s*年度" +
            $@"|(?<after>{afterWords})",
            RegexOptions.CultureInvariant);
    }

    /// <summary>The fiscal year the plan reports (its budgets are that year's initial budgets).</summary>
    public int Plan { get; }

    /// <summary>The fiscal years the text names, in Western years, each with where it is said, in the order named.</summary>
    public IReadOnlyList<(int Year, int Start, int End)> Read(string text)
    {
        if (_named is null) return [];
        var years = new List<(int, int, int)>();
        foreach (Match m in _named.Matches(text.ToLowerInvariant()))
        {
            if (YearOf(m) is { } year) years.Add((year, m.Index, m.Index + m.Length));
        }
        return years;
    }

    private int? YearOf(Match m)
    {
        if (m.Groups["after"].Success) return Plan + 1;
        if (m.Groups["western"].Success)
        {
            var value = int.Parse(m.Groups["western"].Value, CultureInfo.InvariantCulture);
            return value < 100 ? 2000 + value : value;
        }
        var first = m.Groups["era"].Success ? _eras[m.Groups["era"].Value] : _planEra;
        return Number(m.Groups["number"].Value) is { } number and > 0 && first > 0 ? first + number - 1 : null;
    }

    /// <summary>A year of an era in digits or kanji numerals (29, 二十九, 元 for the first).</summary>
    private static int? Number(string text) =>
        text == "元" ? 1 : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : BudgetExpression.JapaneseAmount(text) * 1000 is { } amount && amount < 100 ? (int)amount : null; // JapaneseAmount gives thousands
}
