using System.Text;
using System.Text.RegularExpressions;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Analysis.Readings;

/// <summary>
/// Readings for furigana: splits text into runs of kanji with their reading in hiragana and text without kanji.
/// Readings are MeCab's (IPADIC), except for the words of a reading list (<c>data/readings.tsv</c>): the plan's
/// proper nouns that MeCab reads wrongly or not at all (会津, 相双, 浜通り), matched before MeCab sees the text.
/// Okurigana stay outside the ruby (見守り → 見守(みまも)り); a word whose reading cannot be aligned with its kana
/// is annotated whole; a kanji word MeCab does not know is left without a reading rather than guessed.
/// </summary>
public sealed class ReadingAnnotator
{
    /// <summary>The reading list copied beside the assemblies (see the project file).</summary>
    public static string DefaultListPath => Path.Combine(AppContext.BaseDirectory, "readings.tsv");

    private readonly MeCabModel _model;
    // The list's words by first character, longest first, so the longest listed word at a position wins.
    private readonly Dictionary<char, List<KeyValuePair<string, string>>> _list;

    public ReadingAnnotator(IReadOnlyDictionary<string, string> list, MeCabModel? model = null)
    {
        _model = model ?? MeCabModel.Shared;
        _list = list.Where(e => e.Key.Length > 0)
            .GroupBy(e => e.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Key.Length).ToList());
    }

    /// <summary>The annotator over a reading list file: <c>word TAB reading</c> a line (reading in hiragana), <c>#</c> comments.</summary>
    public static ReadingAnnotator Load(string? path = null, MeCabModel? model = null)
    {
        path ??= DefaultListPath;
        var list = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0) continue;
            var cells = line.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 2 || !cells[1].All(IsHiragana))
                throw new FormatException($"{path}:{lineNo}: expected a word, a tab and its reading in hiragana");
            list[cells[0]] = cells[1];
        }
        return new ReadingAnnotator(list, model);
    }

    public IReadOnlyList<RubySegment> Annotate(string text)
    {
        var segments = new List<RubySegment>();
        var plainStart = 0;
        for (var i = 0; i < text.Length;)
        {
            if (ListedAt(text, i) is { } listed)
            {
                AnnotateByMeCab(text[plainStart..i], segments);
                Align(listed.Key, listed.Value, segments);
                i += listed.Key.Length;
                plainStart = i;
            }
            else
            {
                i++;
            }
        }
        AnnotateByMeCab(text[plainStart..], segments);
        return Merge(segments);
    }

    /// <summary>The reading of the whole text in hiragana (会津大学 → あいづだいがく): each kanji run's reading, the rest as written, katakana as hiragana.</summary>
    public string ReadingOf(string text) => string.Concat(Annotate(text).Select(s => s.Reading ?? ToHiragana(s.Text)));

    private KeyValuePair<string, string>? ListedAt(string text, int index) =>
        _list.TryGetValue(text[index], out var words)
            ? words.Where(w => string.CompareOrdinal(text, index, w.Key, 0, w.Key.Length) == 0).Cast<KeyValuePair<string, string>?>().FirstOrDefault()
            : null;

    private void AnnotateByMeCab(string text, List<RubySegment> segments)
    {
        if (text.Length == 0) return;
        if (!text.Any(JapaneseCharacters.IsKanji))
        {
            segments.Add(new RubySegment(text));
            return;
        }
        var morphemes = new List<MeCabMorpheme>();
        using (var lattice = _model.CreateLattice()) _model.Parse(text, lattice, morphemes);
        var at = 0;
        foreach (var m in morphemes)
        {
            if (m.Start > at) segments.Add(new RubySegment(text[at..m.Start])); // the spaces MeCab skips
            var surface = text[m.Start..m.End];
            if (m.Features.Reading is { } reading && surface.Any(JapaneseCharacters.IsKanji)) Align(surface, ToHiragana(reading), segments);
            else segments.Add(new RubySegment(surface));
            at = m.End;
        }
        if (at < text.Length) segments.Add(new RubySegment(text[at..]));
    }

    /// <summary>
    /// Puts the reading over the kanji runs of a word and leaves its kana outside: the kana of the word must appear
    /// in the reading where they stand (取り組み, とりくみ → 取(と)り組(く)み); otherwise the whole word gets the reading.
    /// </summary>
    internal static void Align(string surface, string reading, List<RubySegment> segments)
    {
        var runs = Runs(surface);
        if (runs.Count > 1)
        {
            var pattern = new StringBuilder("^");
            foreach (var (run, kanji) in runs) pattern.Append(kanji ? "(.+?)" : Regex.Escape(ToHiragana(run)));
            var match = Regex.Match(reading, pattern.Append('$').ToString());
            if (match.Success)
            {
                var group = 1;
                foreach (var (run, kanji) in runs) segments.Add(kanji ? new RubySegment(run, match.Groups[group++].Value) : new RubySegment(run));
                return;
            }
        }
        segments.Add(new RubySegment(surface, reading));
    }

    private static List<(string Run, bool Kanji)> Runs(string surface)
    {
        var runs = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= surface.Length; i++)
        {
            if (i < surface.Length && JapaneseCharacters.IsKanji(surface[i]) == JapaneseCharacters.IsKanji(surface[start])) continue;
            runs.Add((surface[start..i], JapaneseCharacters.IsKanji(surface[start])));
            start = i;
        }
        return runs;
    }

    private static List<RubySegment> Merge(List<RubySegment> segments)
    {
        var merged = new List<RubySegment>(segments.Count);
        foreach (var s in segments)
        {
            if (s.Text.Length == 0) continue;
            if (s.Reading is null && merged.Count > 0 && merged[^1].Reading is null) merged[^1] = new RubySegment(merged[^1].Text + s.Text);
            else merged.Add(s);
        }
        return merged;
    }

    private static bool IsHiragana(char c) => c is (>= '\u3041' and <= '\u309F') or 'ー';

    public static string ToHiragana(string katakana) =>
        string.Create(katakana.Length, katakana, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = source[i] is >= '\u30A1' and <= '\u30F6' ? (char)(source[i] - 0x60) : source[i];
        });
}
