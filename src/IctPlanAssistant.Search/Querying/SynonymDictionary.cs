using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>A word that means what a question's word means, and how sure that is (1: another spelling of the same word).</summary>
public readonly record struct Synonym(string Word, float Weight);

/// <summary>
/// Sudachi's synonym dictionary (SudachiDict's synonyms, built from npm <c>sudachi-synonyms-dictionary</c> by
/// data/synonyms at build time): groups of words that mean the same, each word with its lexeme within the group and
/// Sudachi's expansion flag. A question's everyday word is expanded to the plan's (年寄り → 高齢者, ネット → インターネット,
/// tourist → 観光客), and an English word to Japanese. Another spelling of the same lexeme (子供, 子ども) counts fully;
/// another lexeme less; a word Sudachi marks as too ambiguous to expand from (ネット, flag 1) less again.
/// </summary>
public sealed class SynonymDictionary
{
    public const float SameWord = 1f, OtherWord = 0.8f, FromAmbiguousWord = 0.6f;

    public const string FileName = "sudachi-synonyms.tsv";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "synonyms", FileName);

    private static readonly Lazy<SynonymDictionary> DefaultDictionary = new(() => Load(DefaultPath));

    /// <summary>Beyond this many words looked up the memo of their synonyms starts again.</summary>
    private const int MaxRemembered = 4096;

    private readonly (int Lexeme, int Flag, string Word, string Key)[][] _groups;
    private readonly Dictionary<string, int[]> _groupsOf;

    // Each word's synonyms, as Of found them: the same everyday words come back question after question, and each
    // lookup normalised the word and sorted its groups' words again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Synonym[]> _remembered = new(StringComparer.Ordinal);

    private SynonymDictionary((int Lexeme, int Flag, string Word)[][] groups)
    {
        _groups = groups.Select(entries => entries.Select(e => (e.Lexeme, e.Flag, e.Word, Key(e.Word))).ToArray()).ToArray();
        _groupsOf = _groups
            .SelectMany((entries, group) => entries.Select(e => (e.Key, Group: group)))
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Group).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The dictionary the build put beside the application.</summary>
    public static SynonymDictionary Default => DefaultDictionary.Value;

    public static SynonymDictionary Empty { get; } = new([]);

    public int GroupCount => _groups.Length;

    /// <summary>The words that mean what <paramref name="word"/> means (not the word itself), the surest first.</summary>
    public IReadOnlyList<Synonym> Of(string word)
    {
        if (_remembered.TryGetValue(word, out var remembered)) return remembered;
        var synonyms = Find(word);
        if (_remembered.Count >= MaxRemembered) _remembered.Clear();
        _remembered.TryAdd(word, synonyms);
        return synonyms;
    }

    private Synonym[] Find(string word)
    {
        var key = Key(word);
        if (!_groupsOf.TryGetValue(key, out var groups)) return [];
        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var entries = _groups[group];
            foreach (var (lexeme, flag, _, _) in entries.Where(e => e.Key == key))
            {
                foreach (var other in entries)
                {
                    if (other.Key == key) continue;
                    var weight = IsAmbiguous(flag, key) ? FromAmbiguousWord : other.Lexeme == lexeme && lexeme != 0 ? SameWord : OtherWord;
                    if (weight > best.GetValueOrDefault(other.Word)) best[other.Word] = weight;
                }
            }
        }
        return best.Select(b => new Synonym(b.Key, b.Value)).OrderByDescending(s => s.Weight).ThenBy(s => s.Word, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// A word Sudachi says not to expand from (flag 1: ネット is the net, a network or the internet). Sudachi flags
    /// English words so because in Japanese text they are loanwords of many senses; in an English question the
    /// English word is the word meant, and it is read as its Japanese group.
    /// </summary>
    private static bool IsAmbiguous(int flag, string key) => flag == 1 && !key.All(c => c < 0x80);

    /// <summary>Words are matched in NFKC and lower case (Internet, internet, ｉｎｔｅｒｎｅｔ).</summary>
    private static string Key(string word) => word.ToNfkc().LowerInvariant();

    /// <summary>Reads the table data/synonyms/convert.mjs writes.</summary>
    /// <exception cref="GlossaryException">The file is missing or a line is malformed (the message names the file and line).</exception>
    public static SynonymDictionary Load(string path)
    {
        if (!File.Exists(path))
            throw new GlossaryException($"{path}: the synonym table is missing; it is built from data/synonyms with Node.js and npm (run scripts/install-deps.sh, then build again)");
        var groups = new List<(int, int, string)[]>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cells = line.Split('\t');
            var entries = new List<(int, int, string)>(cells.Length - 1);
            foreach (var cell in cells.Skip(1))
            {
                var parts = cell.Split(':', 3);
                if (parts.Length != 3 || !int.TryParse(parts[0], out var lexeme) || !int.TryParse(parts[1], out var flag) || parts[2].Length == 0)
                    throw new GlossaryException($"{path}:{number}: expected entries of the form lexeme:flag:word, not '{cell}'");
                entries.Add((lexeme, flag, parts[2]));
            }
            if (entries.Count >= 2) groups.Add(entries.ToArray());
        }
        return new SynonymDictionary(groups.ToArray());
    }
}
