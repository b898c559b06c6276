namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The Japanese words an English word glosses, from EDICT (the EDRDG's Japanese-English dictionary, turned round by
/// data/synonyms/edict.mjs at build time): hospital → 病院, livestock → 家畜, relocation → 移転. It reads the English words
/// of a question that neither the glossary nor Sudachi's synonyms know, and says which of them are verbs (keep, hit,
/// stuck), which rank rows but are not what the question is about.
/// </summary>
public sealed class EnglishGlosses
{
    /// <summary>A common word in its first sense: what the English word most likely means.</summary>
    public const float Likeliest = 0.8f;

    /// <summary>A rarer word or sense.</summary>
    public const float Possible = 0.6f;

    /// <summary>More than this share of the word's common glosses are verbs: it is a verb.</summary>
    public const double VerbShare = 0.5;

    public const string FileName = "edict-english.tsv";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "synonyms", FileName);

    private static readonly Lazy<EnglishGlosses> DefaultGlosses = new(() => Load(DefaultPath));

    // Each line kept unparsed until a question asks for its word: a question reads a few of 170,000.
    private readonly Dictionary<string, string> _lines;

    private EnglishGlosses(Dictionary<string, string> lines) => _lines = lines;

    /// <summary>The table the build put beside the application.</summary>
    public static EnglishGlosses Default => DefaultGlosses.Value;

    public static EnglishGlosses Empty { get; } = new(new Dictionary<string, string>());

    public int WordCount => _lines.Count;

    /// <summary>Every English word and phrase the table glosses.</summary>
    public IEnumerable<string> Words => _lines.Keys;

    /// <summary>Whether the table glosses the word or one of its dictionary forms.</summary>
    public bool Knows(string english) => Forms(english).Any(_lines.ContainsKey);

    /// <summary>The Japanese words <paramref name="english"/> (or its dictionary form: elections → election) glosses, the likeliest first.</summary>
    public IReadOnlyList<Synonym> Of(string english)
    {
        var best = new Dictionary<string, float>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var form in Forms(english))
        {
            if (!_lines.TryGetValue(form, out var line)) continue;
            foreach (var cell in line.Split('\t').Skip(1))
            {
                var colon = cell.IndexOf(':');
                if (colon <= 0 || !int.TryParse(cell.AsSpan(0, colon), out var score)) continue;
                var weight = score >= 4 ? Likeliest : score >= 2 ? Possible : 0f;
                if (weight == 0) continue;
                var word = cell[(colon + 1)..];
                if (!best.TryGetValue(word, out var seen)) order.Add(word);
                if (weight > seen) best[word] = weight;
            }
        }
        return order.Select(w => new Synonym(w, best[w])).OrderByDescending(s => s.Weight).ToList();
    }

    /// <summary>Whether the word is mostly a verb where it is common (keep, hit, stuck; not help, which is a noun as often).</summary>
    public bool IsVerb(string english) => Share(english, 0) > VerbShare;

    /// <summary>Whether the word is mostly a noun where it is common (desk; not big, if, or came).</summary>
    public bool IsNoun(string english) => Share(english, 1) > NounShare;

    /// <summary>
    /// Whether the word describes rather than names (together, internal, separately): EDICT knows it, and its common glosses
    /// are mostly neither verbs nor nouns, but adjectives and adverbs. A word with no common gloss (cashless: キャッシュレス)
    /// has no shares to tell by.
    /// </summary>
    public bool Describes(string english) => Of(english).Any(g => g.Weight >= Likeliest) && !IsVerb(english) && Share(english, 1) <= NounShare;

    /// <summary>More than this share of the word's common glosses are nouns: it is a noun.</summary>
    public const double NounShare = 0.5;

    /// <summary>The share of the first form's common glosses that are verbs (0) or nouns (1): the line's "0.25/0.75".</summary>
    private double Share(string english, int which)
    {
        foreach (var form in Forms(english))
        {
            if (!_lines.TryGetValue(form, out var line)) continue;
            var tab = line.IndexOf('\t');
            var shares = line.AsSpan(0, tab < 0 ? line.Length : tab);
            var slash = shares.IndexOf('/');
            var share = which == 0 ? (slash < 0 ? shares : shares[..slash]) : (slash < 0 ? [] : shares[(slash + 1)..]);
            return double.TryParse(share, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
        }
        return 0;
    }

    /// <summary>The word as written, then its dictionary forms.</summary>
    private static IEnumerable<string> Forms(string english)
    {
        var word = english.ToLowerInvariant();
        var forms = EnglishForms.Lemmas(word).Prepend(word);
        // EDICT lists many expressions in the plural (travel expenses: 旅費): one said in the singular is that one.
        if (word.Contains(' ') && !word.EndsWith('s')) forms = forms.Append(Plural(word));
        return forms.Distinct();
    }

    /// <summary>A phrase with its last word in the plural (travel expense: travel expenses; safety policy: safety policies).</summary>
    private static string Plural(string phrase) =>
        phrase.Length > 2 && phrase[^1] == 'y' && !"aeiou".Contains(phrase[^2]) ? phrase[..^1] + "ies" : phrase + "s";

    /// <summary>Reads the table data/synonyms/edict.mjs writes.</summary>
    /// <exception cref="GlossaryException">The file is missing or a line is malformed (the message names the file and line).</exception>
    public static EnglishGlosses Load(string path)
    {
        if (!File.Exists(path))
            throw new GlossaryException($"{path}: the English gloss table is missing; it is built from EDICT (Debian package edict) with Node.js (run scripts/install-deps.sh, then build again)");
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new GlossaryException($"{path}:{number}: expected english<TAB>verb share/noun share<TAB>score:word…, not '{line}'");
            lines[line[..tab]] = line[(tab + 1)..];
        }
        return new EnglishGlosses(lines);
    }
}
