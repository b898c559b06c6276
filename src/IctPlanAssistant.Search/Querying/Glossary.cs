using IctPlanAssistant.Achievement;

namespace IctPlanAssistant.Search.Querying;

/// <summary>A condition a question can state in words (filters.tsv).</summary>
public enum FilterWord { New, NotNew, Achieved, AsPlanned, BelowTarget, NotImplemented, NoBudget, Scope, Ellipsis }

/// <summary>What a question asks for, and the units a figure that answers it ends with (何台 → 台).</summary>
public sealed record IntentWord(AnswerIntent Intent, IReadOnlyList<string> Units);

/// <summary>Words searched together: the first is shown, all are searched (terms.tsv).</summary>
public sealed record GlossaryTerm(IReadOnlyList<string> Search, int Line);

/// <summary>
/// How questions are read, from the editable files of data/glossary (see its README): department and section
/// names, domain terms with their English and variant spellings, intent and filter words, and filler.
/// </summary>
public sealed class Glossary
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "glossary");

    private Glossary()
    {
    }

    /// <summary>Other names of departments → the department as printed.</summary>
    public IReadOnlyList<(string Phrase, string Department)> Departments { get; private init; } = [];

    /// <summary>Names that always mean a section.</summary>
    public IReadOnlyList<(string Phrase, int Section)> Sections { get; private init; } = [];

    /// <summary>Names that mean a section only beside 柱 / pillar / 分野 / area.</summary>
    public IReadOnlyList<(string Phrase, int Section)> SectionsInContext { get; private init; } = [];

    /// <summary>Every way to say a term (its search words and its other names) → the term.</summary>
    public IReadOnlyList<(string Phrase, GlossaryTerm Term)> Terms { get; private init; } = [];

    public IReadOnlyList<(string Phrase, IntentWord Intent)> Intents { get; private init; } = [];

    public IReadOnlyList<(string Phrase, FilterWord Filter)> Filters { get; private init; } = [];

    public IReadOnlySet<string> JapaneseStopWords { get; private init; } = new HashSet<string>();

    public IReadOnlySet<string> EnglishStopWords { get; private init; } = new HashSet<string>();

    /// <summary>Loads the glossary files of a directory.</summary>
    /// <exception cref="GlossaryException">A file is missing or a line is malformed (the message names the file and line).</exception>
    public static Glossary Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        var departments = new List<(string, string)>();
        foreach (var (cells, _) in Read(directory, "departments.tsv", 2))
            departments.AddRange(Split(cells[1]).Select(p => (p, cells[0].Trim())));

        var sections = new List<(string, int)>();
        var sectionsInContext = new List<(string, int)>();
        foreach (var (cells, line) in Read(directory, "sections.tsv", 2))
        {
            if (!int.TryParse(cells[0], out var section) || section <= 0)
                throw new GlossaryException($"{Path.Combine(directory, "sections.tsv")}:{line}: '{cells[0]}' is not a section number");
            sections.AddRange(Split(cells[1]).Select(p => (p, section)));
            if (cells.Length > 2) sectionsInContext.AddRange(Split(cells[2]).Select(p => (p, section)));
        }

        var terms = new List<(string, GlossaryTerm)>();
        foreach (var (cells, line) in Read(directory, "terms.tsv", 1))
        {
            var term = new GlossaryTerm(Split(cells[0]).ToArray(), line);
            if (term.Search.Count == 0) throw new GlossaryException($"{Path.Combine(directory, "terms.tsv")}:{line}: no search words");
            terms.AddRange(term.Search.Select(p => (p, term)));
            if (cells.Length > 1) terms.AddRange(Split(cells[1]).Select(p => (p, term)));
        }

        var intents = new List<(string, IntentWord)>();
        foreach (var (cells, line) in Read(directory, "intents.tsv", 2))
        {
            if (!Enum.TryParse<AnswerIntent>(cells[0], ignoreCase: true, out var intent))
                throw new GlossaryException($"{Path.Combine(directory, "intents.tsv")}:{line}: unknown intent '{cells[0]}' (count, sum, largest, smallest, fact)");
            var word = new IntentWord(intent, cells.Length > 2 ? Split(cells[2]).ToArray() : []);
            intents.AddRange(Split(cells[1]).Select(p => (p, word)));
        }

        var filters = new List<(string, FilterWord)>();
        foreach (var (cells, line) in Read(directory, "filters.tsv", 2))
        {
            if (!Enum.TryParse<FilterWord>(cells[0].Replace("-", ""), ignoreCase: true, out var filter))
                throw new GlossaryException($"{Path.Combine(directory, "filters.tsv")}:{line}: unknown condition '{cells[0]}'");
            filters.AddRange(Split(cells[1]).Select(p => (p, filter)));
        }

        return new Glossary
        {
            Departments = departments,
            Sections = sections,
            SectionsInContext = sectionsInContext,
            Terms = terms,
            Intents = intents,
            Filters = filters,
            JapaneseStopWords = ReadWords(directory, "stopwords-ja.txt"),
            EnglishStopWords = ReadWords(directory, "stopwords-en.txt").Select(w => w.ToLowerInvariant()).ToHashSet(),
        };
    }

    /// <summary>The achievement status a filter word stands for (none for the others).</summary>
    public static AchievementStatus AchievementOf(FilterWord filter) => filter switch
    {
        FilterWord.Achieved => AchievementStatus.Achieved,
        FilterWord.AsPlanned => AchievementStatus.AsPlanned,
        FilterWord.BelowTarget => AchievementStatus.BelowTarget,
        FilterWord.NotImplemented => AchievementStatus.NotImplemented,
        _ => AchievementStatus.None,
    };

    private static IEnumerable<string> Split(string cell) =>
        cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<(string[] Cells, int Line)> Read(string directory, string file, int minCells)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) throw new GlossaryException($"{path}: glossary file missing");
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (cells.Length < minCells || string.IsNullOrWhiteSpace(cells[0]))
                throw new GlossaryException($"{path}:{number}: expected {minCells} tab-separated cells");
            yield return (cells, number);
        }
    }

    private static HashSet<string> ReadWords(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path)) throw new GlossaryException($"{path}: glossary file missing");
        return File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToHashSet();
    }
}

/// <summary>A glossary file is missing or malformed.</summary>
public sealed class GlossaryException(string message) : Exception(message);
