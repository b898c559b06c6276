namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The English glosses of a common Japanese word's first sense, from EDICT (written by data/synonyms/edict.mjs at
/// build time): 病院 → hospital, clinic; 田んぼ → paddy field. A Japanese word the plan never writes and no synonym
/// reaches is read through them: the plan's words for the same English (hospital: 医療機関; paddy field: 水田) are
/// its less sure synonyms.
/// </summary>
public sealed class JapaneseGlosses
{
    public const string FileName = "edict-japanese.tsv";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "synonyms", FileName);

    private static readonly Lazy<JapaneseGlosses> DefaultGlosses = new(() => Load(DefaultPath));

    private readonly Dictionary<string, string[]> _glosses;

    private JapaneseGlosses(Dictionary<string, string[]> glosses) => _glosses = glosses;

    /// <summary>The table the build put beside the application.</summary>
    public static JapaneseGlosses Default => DefaultGlosses.Value;

    public static JapaneseGlosses Empty { get; } = new(new Dictionary<string, string[]>());

    public int WordCount => _glosses.Count;

    /// <summary>The English glosses of the word's first sense, the likeliest first; none for a word EDICT has no common entry for.</summary>
    public IReadOnlyList<string> Of(string japanese) =>
        !_glosses.TryGetValue(japanese, out var english) ? []
        : NounOf(english) is { } noun ? _glosses.GetValueOrDefault(noun) ?? [] : english;

    /// <summary>
    /// How EDICT writes a common word typed in kana: the one common noun of that hiragana reading (ろうじん: 老人; うし: 牛), or the
    /// word itself where it is a headword as typed (バス, じこくひょう); null where EDICT has no common word so.
    /// </summary>
    public string? SpellingOf(string kana) =>
        _glosses.TryGetValue(kana, out var english) ? NounOf(english) ?? kana : null;

    /// <summary>The noun a reading's line names ("=牛"), or null for a line of English.</summary>
    private static string? NounOf(string[] line) => line is [{ Length: > 1 } only] && only[0] == NounMark ? only[1..] : null;

    private const char NounMark = '=';

    /// <summary>Reads the table data/synonyms/edict.mjs writes.</summary>
    /// <exception cref="GlossaryException">The file is missing or a line is malformed (the message names the file and line).</exception>
    public static JapaneseGlosses Load(string path)
    {
        if (!File.Exists(path))
            throw new GlossaryException($"{path}: the Japanese gloss table is missing; it is built from EDICT (Debian package edict) with Node.js (run scripts/install-deps.sh, then build again)");
        var glosses = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells.Any(c => c.Length == 0))
                throw new GlossaryException($"{path}:{number}: expected japanese<TAB>english…, not '{line}'");
            glosses[cells[0]] = cells[1..];
        }
        return new JapaneseGlosses(glosses);
    }
}
