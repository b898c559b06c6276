using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The plan's words nearest to the words of a question that the plan does not have, to offer when nothing was found:
/// ドローソ → ドローン, タブレツト → タブレット, 運航 → 運用 (but never a word of the question itself). Closeness is the
/// mean of two likenesses: of the readings (one less their edit distance's share of the longer), and of the spellings
/// (the overlap of their characters; a word typed in kana is compared by reading); ties go to the word more rows have.
/// A word typed in katakana (a loanword) is compared with the plan's katakana words only.
/// Served from the index's own words (<see cref="ReadingVocabulary.Words"/>), so every word offered finds rows.
/// </summary>
public static class NearestWords
{
    /// <summary>How many words are offered at most.</summary>
    public const int Max = 5;

    /// <summary>How close a word must be to be offered (1: the same reading).</summary>
    public const double MinCloseness = 0.6;

    public static IReadOnlyList<string> For(QueryInterpretation q, IndexVocabulary vocabulary, int max = Max) =>
        For(q, vocabulary.Readings, vocabulary.Has, MeCabModel.Shared, max);

    /// <param name="planHas">Whether the plan writes a word (<see cref="IndexVocabulary.Has"/>): those the question has are not missing.</param>
    public static IReadOnlyList<string> For(QueryInterpretation q, ReadingVocabulary vocabulary, Func<string, bool> planHas, MeCabModel model, int max = Max)
    {
        var missing = q.Terms
            .Where(t => t.Kind is TermKind.Word or TermKind.Compound or TermKind.Modifier or TermKind.UnknownEnglish && !planHas(t.Text))
            .Select(t => (Surface: t.Text, Reading: t.Readings.Count > 0 ? t.Readings[0] : ReadingOf(t.Text, model), Kana: IsKana(t.Text), Katakana: t.Text.All(JapaneseCharacters.IsKatakana)))
            .ToList();
        if (missing.Count == 0) return [];
        var asked = q.Terms.SelectMany(t => t.Alternatives.Append(t.Text).Concat(t.Readings)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var best = new Dictionary<string, (double Closeness, int Rows)>(StringComparer.Ordinal);
        foreach (var (reading, spelling, rows) in vocabulary.Words())
        {
            if (spelling.Length < 2 || asked.Contains(spelling) || asked.Contains(reading)
                || q.Question.Contains(spelling, StringComparison.OrdinalIgnoreCase)) continue;
            var katakana = spelling.All(JapaneseCharacters.IsKatakana);
            // A loanword (カジノ) is near other loanwords, not a kanji word that sounds alike (患者).
            var closeness = missing.Max(m => m.Katakana && !katakana ? 0 : Closeness(m.Surface, m.Reading, m.Kana, spelling, reading));
            if (closeness < MinCloseness) continue;
            if (!best.TryGetValue(spelling, out var known) || closeness > known.Closeness) best[spelling] = (closeness, rows);
        }
        return best.OrderByDescending(b => b.Value.Closeness).ThenByDescending(b => b.Value.Rows).ThenBy(b => b.Key, StringComparer.Ordinal)
            .Take(max).Select(b => b.Key).ToList();
    }

    /// <summary>How near a plan word is to a word of the question (0–1): the mean of the readings' and the spellings' likeness.</summary>
    public static double Closeness(string surface, string? reading, bool kana, string planSpelling, string planReading)
    {
        var readings = reading is null ? 0 : ReadingCloseness(reading, planReading);
        var spellings = kana ? Characters(JapaneseCharacters.HiraganaToKatakana(surface), planReading) : Characters(surface, planSpelling);
        return (readings + spellings) / 2;
    }

    private static bool IsKana(string word) => word.All(c => JapaneseCharacters.IsHiragana(c) || JapaneseCharacters.IsKatakana(c));

    /// <summary>The word's reading in katakana: kana as typed, else MeCab's readings of its parts (null when a part has none).</summary>
    public static string? ReadingOf(string word, MeCabModel model) =>
        IsKana(word) ? JapaneseCharacters.HiraganaToKatakana(word) : ReadingVocabulary.ReadingOf(word, model) is { Length: > 0 } reading ? reading : null;

    /// <summary>How alike two readings are: one less their edit distance's share of the longer.</summary>
    public static double ReadingCloseness(string a, string b) =>
        a.Length == 0 || b.Length == 0 ? 0 : 1 - (double)EditDistance(a, b) / Math.Max(a.Length, b.Length);

    /// <summary>The Dice overlap of two spellings' characters (運航 and 運用: 2·1/(2+2)), letter case ignored.</summary>
    public static double Characters(string a, string b)
    {
        var x = a.ToLowerInvariant().ToHashSet();
        var y = b.ToLowerInvariant().ToHashSet();
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    public static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
