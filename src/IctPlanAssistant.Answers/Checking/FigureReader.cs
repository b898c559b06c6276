using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Answers.Checking;

public enum FigureKind
{
    /// <summary>An amount of money; <see cref="Figure.Value"/> is in yen.</summary>
    Money,

    /// <summary>A number of projects or cases (3件, 5 projects).</summary>
    Count,
}

/// <summary>A budget or count figure as written in a text, and its value (money in yen).</summary>
public sealed record Figure(string Text, FigureKind Kind, decimal Value);

/// <summary>
/// Finds the money and count figures of a text, in Japanese and English: 1,943,682千円, 19億4,368万2千円,
/// ¥1.2 million, 1,943,682 thousand yen, 事業費 1,943,682 (the plan's unit, thousand yen), 3件, 5 projects,
/// three projects. Full-width digits are read as digits. Citations ([1-2]) are not figures.
/// </summary>
public static partial class FigureReader
{
    public static IReadOnlyList<Figure> Read(string text)
    {
        var normalized = Citation().Replace(text.Normalize(NormalizationForm.FormKC), " ");
        var figures = new List<(int Start, int End, Figure Figure)>();
        void Add(Match m, FigureKind kind, decimal value, Group? shown = null)
        {
            if (figures.Any(f => m.Index < f.End && f.Start < m.Index + m.Length)) return; // one figure, read once
            figures.Add((m.Index, m.Index + m.Length, new Figure((shown ?? m).Value.Trim(), kind, value)));
        }

        foreach (Match m in JapaneseMoney().Matches(normalized))
        {
            if (!(m.Groups["oku"].Success || m.Groups["man"].Success || m.Groups["sen"].Success || m.Groups["en"].Success)) continue;
            var yen = Part(m, "oku") * 100_000_000m + Part(m, "man") * 10_000m + Part(m, "sen") * 1_000m + Part(m, "en");
            Add(m, FigureKind.Money, yen);
        }
        foreach (Match m in EnglishMoney().Matches(normalized)) Add(m, FigureKind.Money, Number(m.Groups["n"].Value) * Scale(m.Groups["scale"].Value));
        foreach (Match m in YenSign().Matches(normalized)) Add(m, FigureKind.Money, Number(m.Groups["n"].Value) * Scale(m.Groups["scale"].Value));
        // A budget stated without a unit is in the plan's unit, thousand yen (事業費 1,943,682).
        foreach (Match m in BareBudget().Matches(normalized)) Add(m, FigureKind.Money, Number(m.Groups["n"].Value) * 1_000m, m.Groups["n"]);
        foreach (Match m in Count().Matches(normalized)) Add(m, FigureKind.Count, Number(m.Groups["n"].Value));
        foreach (Match m in CountWord().Matches(normalized)) Add(m, FigureKind.Count, EnglishNumberWords.ValueOf(m.Groups["w"].Value));
        return figures.OrderBy(f => f.Start).Select(f => f.Figure).ToList();
    }

    private static decimal Part(Match m, string group) => m.Groups[group].Success ? Number(m.Groups[group].Value) : 0m;

    private static decimal Number(string digits) =>
        decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static decimal Scale(string word) => word.ToLowerInvariant() switch
    {
        "thousand" => 1_000m,
        "million" => 1_000_000m,
        "billion" => 1_000_000_000m,
        _ => 1m,
    };

    private const string Num = @"\d[\d,]*(?:\.\d+)?";

    [GeneratedRegex(@"\[[^\[\]]*\d+-\d+[^\[\]]*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(?:(?<oku>" + Num + @")億)?(?:(?<man>" + Num + @")万)?(?:(?<sen>" + Num + @")千)?(?<en>" + Num + @")?円")]
    private static partial Regex JapaneseMoney();

    [GeneratedRegex(@"(?<n>" + Num + @")\s*(?<scale>thousand|million|billion)?\s*(?:yen|JPY)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMoney();

    [GeneratedRegex(@"(?:¥|\bJPY\s?)\s*(?<n>" + Num + @")(?:\s*(?<scale>thousand|million|billion)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex YenSign();

    [GeneratedRegex(@"(?:事業費|予算額?|\bbudget\b)(?:\s|は|が|:|：|（|\(|of|is|was|総額|合計)*(?<n>\d[\d,]*)(?![\d,.]|\s*(?:千|万|億|円|%|％|年|件|thousand|million|billion|yen|JPY))", RegexOptions.IgnoreCase)]
    private static partial Regex BareBudget();

    [GeneratedRegex(@"(?<n>\d[\d,]*)\s*(?:件|(?:つ|個)の(?:新規の?)?事業|事業(?!費)|(?:[A-Za-z-]+\s+){0,2}?(?:projects?|initiatives?|programs?|programmes?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Count();

    [GeneratedRegex(@"\b(?<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:[A-Za-z-]+\s+){0,2}?(?:projects?|initiatives?|programs?|programmes?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountWord();
}
