using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The readings of the words an index holds (its reading fields' terms: ホウシャセン, ジョウホウ, ドローン), how many rows
/// each is in, and the spelling the plan uses for each (ホウシャセン → 放射線), to read a question typed in kana.
/// </summary>
public sealed class ReadingVocabulary
{
    private readonly IReadOnlyDictionary<string, int> _rows;
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly Lazy<IReadOnlyDictionary<string, string[]>> _spellings;
    private readonly Lazy<IReadOnlySet<string>> _katakanaWords;

    /// <param name="rows">Each reading and the number of rows whose text has it.</param>
    /// <param name="words">The plan's own words (its analysed terms) with their row counts, from which each reading's spelling is taken.</param>
    public ReadingVocabulary(IReadOnlyDictionary<string, int> rows, Func<IEnumerable<(string Word, int Rows)>> words, MeCabModel model)
        : this(rows, new Dictionary<string, string>(), new Lazy<IReadOnlyDictionary<string, string[]>>(() => ReadSpellings(words(), model, rows)),
            new Lazy<IReadOnlySet<string>>(() => words().Select(w => w.Word).Where(w => w.Length >= 2 && JapaneseCharacters.IsAllKatakana(w) && rows.ContainsKey(w)).ToHashSet(StringComparer.Ordinal)))
    {
    }

    private ReadingVocabulary(IReadOnlyDictionary<string, int> rows, IReadOnlyDictionary<string, string> names, Lazy<IReadOnlyDictionary<string, string[]>> spellings, Lazy<IReadOnlySet<string>> katakanaWords,
        Lazy<(string Reading, string Spelling, int Rows)[]>? words = null)
    {
        _rows = rows;
        _names = names;
        _spellings = spellings;
        _katakanaWords = katakanaWords;
        _words = words ?? new Lazy<(string, string, int)[]>(() => spellings.Value.Select(s => (s.Key, s.Value[0], RowsWith(s.Key)))
            .Concat(katakanaWords.Value.Where(w => !spellings.Value.ContainsKey(w)).Select(w => (w, w, RowsWith(w)))).ToArray());
    }

    /// <summary>
    /// This vocabulary and names a question may type in kana as a whole: the plan's departments, divisions and
    /// sections (ききかんりぶ: 危機管理部) and the glossary's words (みじっし: 未実施; ゆーちゅーぶ: ユーチューブ), each by the
    /// readings MeCab gives its words, and acronyms by the names of their letters (あいしーてぃー: ICT, <see cref="LetterNames"/>). A name some word of which has no reading is left out.
    /// </summary>
    public ReadingVocabulary With(IEnumerable<string> names, MeCabModel model)
    {
        var readings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct())
        {
            // An acronym (ICT, SNS) typed in kana is spelled letter by letter: あいしーてぃー.
            if (LetterNames.Spell(name) is { } spelled)
            {
                readings.TryAdd(spelled, name);
                continue;
            }
            if (!name.Any(c => JapaneseCharacters.IsJapanese(c))) continue;
            if (ReadingOf(name, model) is { Length: >= 2 } reading) readings.TryAdd(reading, name);
        }
        return new(_rows, readings, _spellings, _katakanaWords, _words);
    }

    /// <summary>The readings MeCab gives the words of a text, joined (katakana words read as written); null when a word has none.</summary>
    public static string? ReadingOf(string text, MeCabModel model)
    {
        var morphemes = new List<MeCabMorpheme>();
        model.Parse(text, morphemes);
        var reading = new System.Text.StringBuilder();
        foreach (var m in morphemes)
        {
            var surface = text[m.Start..m.End];
            var r = m.Features.Reading ?? (JapaneseCharacters.IsAllKatakana(surface) ? surface : null);
            if (r is null) return null;
            reading.Append(r);
        }
        return reading.ToString();
    }

    /// <summary>
    /// The plan's words, each with its reading and how many rows have it: the spelling of each reading (放射線) and the
    /// words the plan writes in katakana (ドローン). Read on first use, once per index generation.
    /// </summary>
    /// <remarks>Listed once per generation: every question that finds nothing walks the whole list (<see cref="NearestWords"/>).</remarks>
    public IReadOnlyList<(string Reading, string Spelling, int Rows)> Words() => _words.Value;

    private readonly Lazy<(string Reading, string Spelling, int Rows)[]> _words;

    /// <summary>How many rows have a word of this reading (0: none).</summary>
    public int RowsWith(string reading) => _rows.GetValueOrDefault(reading);

    public bool Contains(string reading) => _rows.ContainsKey(reading) || _names.ContainsKey(reading);

    /// <summary>Whether the plan writes a word of this reading that a question's kana can be rewritten as (放射線, ドローン, a name).</summary>
    public bool HasSpelling(string reading) =>
        _spellings.Value.ContainsKey(reading) || _names.ContainsKey(reading) || _katakanaWords.Value.Contains(reading);

    /// <summary>
    /// The one reading with a spelling within an edit of a reading typed wrong (ロボト: ロボット; タブレツト: タブレット;
    /// メエル: メール), for a word of at least <see cref="NearestLength"/> kana; null when none or several are as near. A
    /// loanword whose long vowels were all typed as vowels (ホウムペエジ: ホームページ) is that word, however many edits away.
    /// </summary>
    public string? Nearest(string reading) =>
        reading.Length < NearestLength || HasSpelling(reading) ? null
            : Romaji.LongVowelsMarked(reading) is var marked && marked != reading && _katakanaWords.Value.Contains(marked) ? marked
            : EditDistance.Nearest(reading, _spelled ??= EditDistance.ByLength(_spellings.Value.Keys.Concat(_names.Keys).Concat(_katakanaWords.Value)), 1, kana: true);

    /// <summary>
    /// The plan's word written in kanji or hiragana whose reading a romanised word spells (aizu: 会津; koriyama: 郡山; iwaki:
    /// いわき), by <see cref="Romaji.Key"/>; null when none, or for a reading shorter than <see cref="NearestLength"/> kana.
    /// </summary>
    public string? SpellingOfRomaji(string katakana) =>
        katakana.Length < NearestLength ? null : (_byRomaji ??= ByRomaji()).GetValueOrDefault(Romaji.Key(katakana));

    private Dictionary<string, string>? _byRomaji;

    private Dictionary<string, string> ByRomaji()
    {
        var best = new Dictionary<string, (string Spelling, int Rows)>(StringComparer.Ordinal);
        foreach (var (reading, spelling, rows) in Words())
        {
            // Katakana words are loanwords: English names them in English.
            if (reading.Length < NearestLength || !spelling.Any(c => c >= 0x3400 || JapaneseCharacters.IsHiragana(c))) continue;
            var key = Romaji.Key(reading);
            if (!best.TryGetValue(key, out var known) || rows > known.Rows) best[key] = (spelling, rows);
        }
        return best.ToDictionary(b => b.Key, b => b.Value.Spelling, StringComparer.Ordinal);
    }

    /// <summary>Shorter readings are one edit from too many words.</summary>
    public const int NearestLength = 3;

    private string[][]? _spelled;

    /// <summary>How the plan writes the word of this reading (the spelling in most rows); the reading itself when none is known.</summary>
    public string SpellingOf(string reading) => _spellings.Value.GetValueOrDefault(reading)?[0] ?? _names.GetValueOrDefault(reading) ?? reading;

    /// <summary>Every word of the plan with this reading, the commonest first (キカン: 機関, 帰還, 期間, 基幹); empty when none.</summary>
    public IReadOnlyList<string> SpellingsOf(string reading) => _spellings.Value.GetValueOrDefault(reading) ?? [];

    /// <summary>
    /// Each reading's spellings among the plan's words, the commonest first: a word MeCab reads as one morpheme with a
    /// reading gives that reading a spelling; the row counts order homophones (機械 and 機会 are both キカイ).
    /// Computed on the first question typed in kana, once per index generation.
    /// </summary>
    private static IReadOnlyDictionary<string, string[]> ReadSpellings(IEnumerable<(string Word, int Rows)> words, MeCabModel model, IReadOnlyDictionary<string, int> readings)
    {
        var all = new Dictionary<string, List<(string Word, int Rows)>>(StringComparer.Ordinal);
        var morphemes = new List<MeCabMorpheme>();
        foreach (var (word, rows) in words)
        {
            if (!word.Any(c => c >= 0x3400 || JapaneseCharacters.IsHiragana(c))) continue; // kanji or kana: what a reading spells
            morphemes.Clear();
            model.Parse(word, morphemes);
            if (morphemes is not [{ Features.Reading: { } reading }] || !readings.ContainsKey(reading)) continue;
            if (!all.TryGetValue(reading, out var spellings)) all[reading] = spellings = [];
            spellings.Add((word, rows));
        }
        // Stable: of homophones in as many rows, the first listed stays first, as it did when only one was kept.
        return all.ToDictionary(a => a.Key, a => a.Value.OrderByDescending(s => s.Rows).Select(s => s.Word).ToArray(), StringComparer.Ordinal);
    }
}
