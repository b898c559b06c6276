using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// Finds the glossary's Japanese phrases in a question by their words' dictionary forms, so every inflection of a
/// phrase matches it (新しく始まる: 新しく始まった; 目標を達成: 目標を達成できなかった). A phrase may leave room for other
/// words between its parts with <c>…</c> (一番…大きい: 一番予算が大きい), at most <see cref="MaxGap"/> words. Only the
/// parts are consumed; what stands in a gap is read by what comes after (予算 names the budget column). Phrases without
/// Japanese are left to <see cref="PhraseMatcher{T}"/>.
/// </summary>
internal sealed class LemmaPhraseMatcher<T>
{
    public const string Gap = "…";

    /// <summary>Words a gap may hold; particles, auxiliaries and other function words are not counted (目標を立てていたのに届かなかった: one word, 立て).</summary>
    public const int MaxGap = 4;

    /// <summary>Morphemes a gap may hold, function words included.</summary>
    private const int MaxGapMorphemes = 3 * MaxGap;

    private readonly List<(Lemma[][] Parts, int Length, T Value)> _patterns;

    // The patterns (their places in _patterns) by their first word's form and by its reading: a question is matched
    // against the few phrases that start with one of its words, not against every phrase of the glossary file.
    private readonly Dictionary<string, List<int>> _byFirstForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byFirstReading = new(StringComparer.Ordinal);

    public LemmaPhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases, MeCabModel model)
    {
        _patterns = phrases
            .Where(p => p.Phrase.Replace(Gap, "").Any(c => JapaneseCharacters.IsJapanese(c))) // the gap itself is no Japanese (hit…target)
            .Select(p => (Parts: p.Phrase.Split(Gap, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part => Lemmas(part, model)).ToArray(), p.Phrase.Length, p.Value))
            .Where(p => p.Parts.Length > 0 && p.Parts.All(part => part.Length > 0))
            // Longest first: 目標を達成 before 達成; a phrase with a gap before the same words without one.
            .OrderByDescending(p => p.Parts.Sum(part => part.Length)).ThenByDescending(p => p.Length)
            .ToList();
        for (var i = 0; i < _patterns.Count; i++)
        {
            var first = _patterns[i].Parts[0][0];
            Add(_byFirstForm, first.Form, i);
            if (first.Reading is not null) Add(_byFirstReading, first.Reading, i);
        }

        static void Add(Dictionary<string, List<int>> index, string key, int pattern)
        {
            if (!index.TryGetValue(key, out var patterns)) index[key] = patterns = [];
            patterns.Add(pattern);
        }
    }

    /// <summary>The matches, longest phrases first; each match's parts are consumed.</summary>
    public List<LemmaMatch<T>> FindAll(QueryText query)
    {
        var lemmas = query.Lemmas ??= query.Morphemes.Select(m => new Lemma(LemmaOf(m, query.Text), KanaLemma(m, query.Text))).ToArray();
        var matches = new List<LemmaMatch<T>>();
        foreach (var pattern in Candidates(lemmas))
        {
            var (parts, _, value) = _patterns[pattern];
            var first = parts[0][0];
            for (var start = 0; start < lemmas.Length; start++)
            {
                if (!SameWord(lemmas[start], first) || Match(query, lemmas, parts, start) is not { } spans) continue;
                foreach (var (from, to, _) in spans) query.Consume(from, to);
                matches.Add(new LemmaMatch<T>(spans[0].Start, spans[^1].End, LastMorpheme: spans[^1].LastMorpheme, value));
            }
        }
        return matches;
    }

    /// <summary>
    /// The patterns whose first word is one of the question's (<see cref="SameWord"/>: by form, or by reading), in the
    /// patterns' order (longest first), each once. A phrase starts with its first word: most of the glossary's phrases
    /// have theirs nowhere in the question.
    /// </summary>
    private List<int> Candidates(Lemma[] lemmas)
    {
        var candidates = new List<int>();
        foreach (var word in lemmas)
        {
            if (_byFirstForm.TryGetValue(word.Form, out var byForm)) candidates.AddRange(byForm);
            if (word.Reading is not null && _byFirstReading.TryGetValue(word.Reading, out var byReading)) candidates.AddRange(byReading);
        }
        if (candidates.Count < 2) return candidates;
        candidates.Sort();
        var distinct = 1;
        for (var i = 1; i < candidates.Count; i++)
            if (candidates[i] != candidates[distinct - 1]) candidates[distinct++] = candidates[i];
        candidates.RemoveRange(distinct, candidates.Count - distinct);
        return candidates;
    }

    /// <summary>The character spans of the parts (and the index of the last part's last word) when the phrase starts at a word.</summary>
    private static List<(int Start, int End, int LastMorpheme)>? Match(QueryText query, Lemma[] lemmas, Lemma[][] parts, int start)
    {
        var spans = new List<(int, int, int)>(parts.Length);
        var at = start;
        for (var p = 0; p < parts.Length; p++)
        {
            var found = -1;
            var words = 0;
            for (var gap = 0; gap <= (p == 0 ? 0 : MaxGapMorphemes) && words <= MaxGap && found < 0; gap++)
            {
                if (PartAt(query, lemmas, parts[p], at + gap)) found = at + gap;
                else if (at + gap < lemmas.Length && !IsFunctionWord(query.Morphemes[at + gap])) words++;
            }
            if (found < 0) return null;
            var end = found + parts[p].Length;
            spans.Add((query.Morphemes[found].Start, query.Morphemes[end - 1].End, end - 1));
            at = end;
        }
        return spans;
    }

    private static bool IsFunctionWord(MeCabMorpheme m)
    {
        var pos = m.Features.PartOfSpeech;
        return !m.IsUnknown && (pos.StartsWith("助詞", StringComparison.Ordinal) || pos.StartsWith("助動詞", StringComparison.Ordinal) ||
                                pos.StartsWith("記号", StringComparison.Ordinal) || pos.Contains("非自立") || pos.Contains("接尾"));
    }

    private static bool PartAt(QueryText query, Lemma[] lemmas, Lemma[] part, int at)
    {
        if (at + part.Length > lemmas.Length) return false;
        for (var k = 0; k < part.Length; k++)
        {
            if (!SameWord(lemmas[at + k], part[k])) return false;
            var m = query.Morphemes[at + k];
            if (!query.IsFree(m.Start, m.End)) return false;
        }
        return true;
    }

    private static bool SameWord(Lemma word, Lemma part) =>
        word.Form == part.Form || (word.Reading is not null && word.Reading == part.Reading);

    private static string LemmaOf(MeCabMorpheme m, string text) =>
        (m.Features.BaseForm ?? text[m.Start..m.End]).ToNfkc().LowerInvariant();

    /// <summary>
    /// A word typed in kana, as its dictionary form in katakana (とどい: トドク); null for a word with kanji, and for an
    /// auxiliary, which is no word typed in kana (the た of したのは is not 他; a particle may be: どこの かが, 課).
    /// </summary>
    private static string? KanaLemma(MeCabMorpheme m, string text)
    {
        var surface = text[m.Start..m.End];
        if (!m.IsUnknown && m.Features.PartOfSpeech.StartsWith("助動詞", StringComparison.Ordinal)) return null;
        return surface.All(c => JapaneseCharacters.IsHiragana(c) || JapaneseCharacters.IsKatakana(c))
            ? JapaneseCharacters.HiraganaToKatakana(m.Features.BaseForm ?? surface)
            : null;
    }

    private static Lemma[] Lemmas(string phrase, MeCabModel model)
    {
        var text = QueryText.Normalize(phrase);
        var morphemes = new List<MeCabMorpheme>();
        model.Parse(text, morphemes);
        return morphemes.Select(m => new Lemma(LemmaOf(m, text), ReadingOfForm(m, text, model))).ToArray();
    }

    /// <summary>The reading of a word's dictionary form (届い → 届く → トドク), as MeCab reads the form alone.</summary>
    private static string? ReadingOfForm(MeCabMorpheme m, string text, MeCabModel model)
    {
        var form = m.Features.BaseForm ?? text[m.Start..m.End];
        var alone = new List<MeCabMorpheme>();
        model.Parse(form, alone);
        return alone is [{ Features.Reading: { } reading }] ? reading : null;
    }
}

/// <summary>A word of a phrase or question: its dictionary form, and that form's reading (届く: トドク), which a word typed in kana (とどいた) is matched by.</summary>
internal readonly record struct Lemma(string Form, string? Reading);

/// <summary>A phrase found by its words' dictionary forms: from its first part's start to its last part's end.</summary>
internal readonly record struct LemmaMatch<T>(int Start, int End, int LastMorpheme, T Value);
