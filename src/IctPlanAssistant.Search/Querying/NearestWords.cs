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
            .Select(t => Missing.Of(t.Text, t.Readings.Count > 0 ? t.Readings[0] : ReadingOf(t.Text, model)))
            .ToList();
        if (missing.Count == 0) return [];
        var asked = q.Terms.SelectMany(t => t.Alternatives.Append(t.Text).Concat(t.Readings)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A kana-and-kanji word is in the set ignoring case exactly when it is in it as written (see IsCaseless): looked up
        // ordinally, without hashing Japanese text the case-insensitive way, twice for every word of the vocabulary.
        var askedAsWritten = asked.ToHashSet(StringComparer.Ordinal);
        bool WasAsked(string word) => IsCaseless(word) ? askedAsWritten.Contains(word) : asked.Contains(word);

        // Every word of the index is compared with every missing word: a loop without closures or per-word allocation
        // (the vocabulary has thousands of words, and this runs for each question that found nothing).
        var best = new Dictionary<string, (double Closeness, int Rows)>(StringComparer.Ordinal);
        foreach (var (reading, spelling, rows) in vocabulary.Words())
        {
            if (spelling.Length < 2 || WasAsked(spelling) || WasAsked(reading)
                || q.Question.Contains(spelling, IsCaseless(spelling) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase)) continue;
            var katakana = JapaneseCharacters.IsAllKatakana(spelling);
            // A loanword (カジノ) is near other loanwords, not a kanji word that sounds alike (患者).
            var closeness = double.MinValue;
            foreach (var m in missing)
            {
                if (m.Katakana && !katakana)
                {
                    if (0 > closeness) closeness = 0;
                    continue;
                }
                // Closeness, the spellings' likeness first: the readings' is at most 1, so a word that shares too few
                // characters with this one cannot reach MinCloseness by it, whatever its edit distance (most words of the
                // vocabulary share none). Leaving such a word's value out changes nothing: the word is kept only by a
                // value of at least MinCloseness, which is then the largest.
                var spellings = Characters(m.Spelled, m.Kana ? reading : spelling);
                if ((1 + spellings) / 2 < MinCloseness) continue;
                var c = ((m.Reading is null ? 0 : ReadingCloseness(m.Reading, reading)) + spellings) / 2;
                if (c > closeness) closeness = c;
            }
            if (closeness < MinCloseness) continue;
            if (!best.TryGetValue(spelling, out var known) || closeness > known.Closeness) best[spelling] = (closeness, rows);
        }
        return best.OrderByDescending(b => b.Value.Closeness).ThenByDescending(b => b.Value.Rows).ThenBy(b => b.Key, StringComparer.Ordinal)
            .Take(max).Select(b => b.Key).ToList();
    }

    /// <param name="Spelled">What a plan word's spelling likeness is measured against: the word, or its katakana when typed in kana (compared with readings).</param>
    private readonly record struct Missing(string Spelled, string? Reading, bool Kana, bool Katakana)
    {
        public static Missing Of(string word, string? reading)
        {
            var kana = IsKana(word);
            return new(kana ? JapaneseCharacters.HiraganaToKatakana(word) : word, reading, kana, JapaneseCharacters.IsAllKatakana(word));
        }
    }

    /// <summary>How near a plan word is to a word of the question (0–1): the mean of the readings' and the spellings' likeness (as <see cref="For(QueryInterpretation, ReadingVocabulary, Func{string, bool}, MeCabModel, int)"/> computes it).</summary>
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
        // The distinct lower-case characters of each, on the stack: no lower-cased copies, no sets. Lower-casing
        // char by char is the same as the whole string's ToLowerInvariant except across a surrogate pair, so a
        // spelling with one takes the set-based way.
        if (a.Length > 64 || b.Length > 64 || HasSurrogate(a) || HasSurrogate(b)) return CharactersOfSets(a, b);
        Span<char> x = stackalloc char[a.Length];
        Span<char> y = stackalloc char[b.Length];
        var nx = DistinctLower(a, x);
        var ny = DistinctLower(b, y);
        if (nx + ny == 0) return 0;
        var common = 0;
        foreach (var c in x[..nx])
            if (y[..ny].Contains(c)) common++;
        return 2.0 * common / (nx + ny);
    }

    private static int DistinctLower(string s, Span<char> into)
    {
        var n = 0;
        foreach (var c in s)
        {
            var lower = LowerInvariant(c);
            if (!into[..n].Contains(lower)) into[n++] = lower;
        }
        return n;
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant(char)"/> without the call into ICU for kana and kanji, which have no case: every
    /// plan word is compared with the question's missing words, so this ran a few hundred thousand times a request.
    /// The same character for every input (a test compares all 65,536).
    /// </summary>
    internal static char LowerInvariant(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        < '\u0080' => c,
        // CJK punctuation (々, 〇), hiragana, katakana, CJK symbols and compatibility, CJK ideographs: no case.
        >= CaselessFirst and <= CaselessLast => c,
        _ => char.ToLowerInvariant(c),
    };

    private const char CaselessFirst = '\u3000';
    private const char CaselessLast = '\u9FFF';

    /// <summary>
    /// A word of kana and kanji only: no character has a case, and none of another block upper-cases into this one, so
    /// a search for it ignoring case finds what an ordinal one finds (a test checks every character), without
    /// OrdinalIgnoreCase's slower way for non-ASCII text.
    /// </summary>
    internal static bool IsCaseless(string word) => word.AsSpan().IndexOfAnyExceptInRange(CaselessFirst, CaselessLast) < 0;

    private static bool HasSurrogate(string s) => s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static double CharactersOfSets(string a, string b)
    {
        var x = a.ToLowerInvariant().ToHashSet();
        var y = b.ToLowerInvariant().ToHashSet();
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    public static int EditDistance(string a, string b)
    {
        // Two rows of the table; on the stack for words (a spelling or a reading is a few characters).
        Span<int> previous = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 128 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}
