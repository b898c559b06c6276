using System.Text.RegularExpressions;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// Picks the sentences of a row that answer a detail question: the ones that mention the question's words,
/// preferring sentences with figures, from the results, the achievement and the summary, quoted as printed.
/// </summary>
public static partial class FactSentences
{
    /// <summary>Sentences of a cell quoted when a question asks for it (its results, how it did, what it is).</summary>
    private const int AskedSentences = 3;

    /// <summary>
    /// What answers a detail question about a row: the cell it asks about, each sentence labelled with the cell's
    /// name (実績等: …), or else the sentences that answer its words (<see cref="Best"/>).
    /// </summary>
    public static IReadOnlyList<(PlanColumn? Column, string Sentence)> Answering(PlanRow row, QueryInterpretation q) => q.AskedColumn switch
    {
        // 実績等 of 左記のとおり points at the cell to its left in the printed table, 目標達成状況, where the figures are.
        PlanColumn.Results when row.Results.TrimStart().StartsWith("左記", StringComparison.Ordinal) =>
            Labelled(PlanColumn.Results, Sentences(row.Results).Take(1))
                .Concat(Labelled(PlanColumn.Achievement, Sentences(row.Achievement).Take(AskedSentences))).ToList(),
        // A later sentence may point there too (売上実績は先のとおり): the figures follow what the results say.
        PlanColumn.Results when PointsAtAchievement().IsMatch(row.Results) =>
            Labelled(PlanColumn.Results, Sentences(row.Results).Take(AskedSentences))
                .Concat(Labelled(PlanColumn.Achievement, Sentences(row.Achievement).Take(AskedSentences))).ToList(),
        PlanColumn.Results => Labelled(PlanColumn.Results, Sentences(row.Results).Take(AskedSentences)),
        PlanColumn.Achievement => Labelled(PlanColumn.Achievement, Sentences(row.Achievement).Take(AskedSentences))
            .Concat(Labelled(PlanColumn.Results, Sentences(row.Results).Take(1))).ToList(),
        // What a project is, and what it did (もっと詳しく, tell me more).
        PlanColumn.Summary => Labelled(PlanColumn.Summary, Sentences(row.Summary).Take(AskedSentences))
            .Concat(Labelled(PlanColumn.Results, Sentences(row.Results).Take(1))).ToList(),
        _ => Best(row, q).Select(s => ((PlanColumn?)null, s)).ToList(),
    };

    private static List<(PlanColumn? Column, string Sentence)> Labelled(PlanColumn column, IEnumerable<string> sentences) =>
        sentences.Select(s => ((PlanColumn?)column, s)).ToList();

    public static IReadOnlyList<string> Best(PlanRow row, QueryInterpretation q, int max = 2)
    {
        var words = q.Terms.SelectMany(t => t.Alternatives.Append(t.Text))
            .Where(w => w.Length >= 2).Select(w => w.LowerInvariant()).Distinct().ToList();
        var scored = new List<(string Sentence, double Score, int Order)>();
        var order = 0;
        foreach (var (text, fieldWeight) in new[] { (row.Results, 1.0), (row.Achievement, 0.9), (row.Summary, 0.6) })
        {
            foreach (var sentence in Sentences(text))
            {
                var lower = sentence.LowerInvariant();
                var hits = words.Count(lower.Contains);
                var figures = Figure().IsMatch(sentence) ? 1 : 0;
                var units = q.AnswerUnits.Any(u => HasFigureIn(sentence, u)) ? 3 : 0;
                scored.Add((sentence, (hits * 2 + figures + units) * fieldWeight, order++));
            }
        }
        // The achievement cell states the figure against its target (13地区の整備目標に対し4地区を実施): a question for
        // that figure (何地区できた) is answered by it first.
        var outcome = q.AnswerUnits.Count == 0 ? null
            : Sentences(row.Achievement).FirstOrDefault(s => q.AnswerUnits.Any(u => HasFigureIn(s, u)));
        var best = scored.Where(s => s.Score > 0)
            .OrderByDescending(s => s.Sentence == outcome).ThenByDescending(s => s.Score).ThenBy(s => s.Order)
            .Take(max).OrderBy(s => s.Order).Select(s => s.Sentence).ToList();
        return best.Count > 0 ? best : Sentences(row.Results).Take(1).ToList();
    }

    /// <summary>
    /// The sentence to quote under a listed row, saying why it is listed: for a condition on achievement, the figures its
    /// achievement cell gives (目標95件に対し、80件実施); else a figure for the question's words (<see cref="FigureFor"/>);
    /// else, in a short list, what the project is (its summary's first sentence). Null when none is worth quoting.
    /// </summary>
    public static string? WhyListed(PlanRow row, QueryInterpretation q, bool wordsDecided, bool shortList)
    {
        if (q.Achievement != AchievementStatus.None && Sentences(row.Achievement).FirstOrDefault(s => s.Any(char.IsDigit)) is { } achieved)
            return achieved;
        if (wordsDecided && FigureFor(row, q) is { } figure) return figure;
        return shortList ? Sentences(row.Summary).FirstOrDefault() : null;
    }

    /// <summary>
    /// The sentence of a row that gives a figure for the question's words beyond the row's own name (看護職ナビ アクセス数 →
    /// アクセス数：17,920件), to quote beside the row in a list; null when there is none.
    /// </summary>
    public static string? FigureFor(PlanRow row, QueryInterpretation q)
    {
        var words = q.Terms.SelectMany(t => t.Alternatives).Where(w => w.Length >= 2 && !row.Name.Contains(w, StringComparison.OrdinalIgnoreCase)).ToList();
        if (words.Count == 0) return null;
        return Sentences(row.Results).Concat(Sentences(row.Achievement))
            .FirstOrDefault(s => Figure().IsMatch(s) && words.Any(w => s.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Whether the row states a figure in a unit the question asks for (何台 → 25台).</summary>
    public static bool StatesFigure(PlanRow row, QueryInterpretation q) =>
        Sentences(row.Results).Concat(Sentences(row.Achievement)).Concat(Sentences(row.Summary))
            .Any(s => q.AnswerUnits.Any(u => HasFigureIn(s, u)));

    /// <summary>
    /// A figure with the unit (25台, 896名), for a day of the week the day itself (水曜日), for a municipality asked for
    /// (どこの村) a name of one (鮫川村).
    /// </summary>
    private static bool HasFigureIn(string sentence, string unit) => unit switch
    {
        "曜日" => sentence.Contains("曜日"),
        "村" or "町" or "市" => Regex.IsMatch(sentence, @"\p{IsCJKUnifiedIdeographs}(?<!市町?)" + Regex.Escape(unit) + @"(?![町村])"),
        _ => Regex.IsMatch(sentence, @"\d[\d,.]*\s*[十百千万億兆]*\s*" + Regex.Escape(unit)),
    };

    /// <summary>Sentences and list items of a cell (split at 。 and line ends), without a leading bullet.</summary>
    public static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text)
            .Select(s => s.Trim().TrimStart('・', '-', '*', ' ').Trim())
            .Where(s => s.Length > 1);

    [GeneratedRegex(@"(?<=。)|\n")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\d")]
    private static partial Regex Figure();

    /// <summary>Words by which a results cell refers to what the achievement cell beside it says (先のとおり, 上記のとおり, 左記参照).</summary>
    [GeneratedRegex(@"(?:左記|先|上記|前記|前述)(?:の(?:とおり|通り)|参照)")]
    private static partial Regex PointsAtAchievement();
}
