using IctPlanAssistant.Achievement;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>A condition a question can state in words (filters.tsv).</summary>
public enum FilterWord { New, NotNew, Achieved, AsPlanned, BelowTarget, NotImplemented, NoBudget, HasBudget, Every, Each, Except, Scope, Ellipsis, Others, First, Second, Third, Fourth, Fifth, Last, Also }

/// <summary>
/// What words of filters.tsv say: a condition (none for words that count only negated), and the conditions they say
/// when negated (目標を達成できなかった: below target).
/// </summary>
public sealed record FilterPhrase(FilterWord? Condition, IReadOnlyList<FilterWord> WhenNegated);

/// <summary>The cell of a row a question can ask about, named by the words of columns.tsv (部署, 予算, 結果).</summary>
public enum PlanColumn { None, Department, Divisions, Budget, Achievement, Results, Summary }

/// <summary>What a question asks for, and the units a figure that answers it ends with (何台 → 台).</summary>
public sealed record IntentWord(AnswerIntent Intent, IReadOnlyList<string> Units);

/// <summary>Words searched together: the first is shown, all are searched (terms.tsv). An action (構築, 運用) ranks as a verb does.</summary>
public sealed record GlossaryTerm(IReadOnlyList<string> Search, int Line, bool IsAction = false);

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

    /// <summary>Names that mean a section only beside one of the <see cref="SectionWords"/>.</summary>
    public IReadOnlyList<(string Phrase, int Section)> SectionsInContext { get; private init; } = [];

    /// <summary>Words for a section of the plan (柱, pillar, 分野, the part about): beside them a topic names a section.</summary>
    public IReadOnlyList<string> SectionWords { get; private init; } = [];

    /// <summary>The first cell of the line of sections.tsv that lists the <see cref="SectionWords"/>.</summary>
    public const string SectionWordsKey = "words";

    /// <summary>Every way to say a term (its search words and its other names) → the term.</summary>
    public IReadOnlyList<(string Phrase, GlossaryTerm Term)> Terms { get; private init; } = [];

    public IReadOnlyList<(string Phrase, IntentWord Intent)> Intents { get; private init; } = [];

    public IReadOnlyList<(string Phrase, FilterPhrase Filter)> Filters { get; private init; } = [];

    /// <summary>Words that name a column of the plan: never searched, the cell quoted when asked about.</summary>
    public IReadOnlyList<(string Phrase, PlanColumn Column)> Columns { get; private init; } = [];

    public IReadOnlySet<string> JapaneseStopWords { get; private init; } = new HashSet<string>();

    public IReadOnlySet<string> EnglishStopWords { get; private init; } = new HashSet<string>();

    /// <summary>Words naming what the whole plan is about (ICT): beside anything else a question names, they narrow nothing.</summary>
    public IReadOnlySet<string> TopicWords { get; private init; } = new HashSet<string>();

    /// <summary>The fiscal years a question may name, and the one the plan reports (years.tsv).</summary>
    public FiscalYears Years { get; private init; } = FiscalYears.None;

    /// <summary>
    /// An English name and, where it joins its last words with "and" or "&amp;", the name without them: a list of a
    /// department's fields is typed as words or between slashes (commerce/industry/labor dept) as often as with the joint.
    /// </summary>
    private static IEnumerable<string> WithoutJoints(string name)
    {
        yield return name;
        if (name.Any(c => c >= 0x80)) yield break;
        var words = name.Replace(",", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w is "and" or "&")) yield return string.Join(' ', words.Where(w => w is not ("and" or "&")));
    }

    /// <summary>Loads the glossary files of a directory.</summary>
    /// <exception cref="GlossaryException">A file is missing or a line is malformed (the message names the file and line).</exception>
    public static Glossary Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        var departments = new List<(string, string)>();
        foreach (var (cells, _) in Read(directory, "departments.tsv", 2))
            departments.AddRange(Split(cells[1]).SelectMany(WithoutJoints).Distinct().Select(p => (p, cells[0].Trim())));

        var sections = new List<(string, int)>();
        var sectionsInContext = new List<(string, int)>();
        var sectionWords = new List<string>();
        foreach (var (cells, line) in Read(directory, "sections.tsv", 2))
        {
            if (cells[0].Trim() == SectionWordsKey)
            {
                sectionWords.AddRange(Split(cells[1]));
                continue;
            }
            if (!int.TryParse(cells[0], out var section) || section <= 0)
                throw new GlossaryException($"{Path.Combine(directory, "sections.tsv")}:{line}: '{cells[0]}' is not a section number");
            sections.AddRange(Split(cells[1]).Select(p => (p, section)));
            if (cells.Length > 2) sectionsInContext.AddRange(Split(cells[2]).Select(p => (p, section)));
        }

        var terms = new List<(string, GlossaryTerm)>();
        foreach (var (cells, line) in Read(directory, "terms.tsv", 1))
        {
            if (cells.Length > 2 && cells[2].Trim() is not ("" or "action"))
                throw new GlossaryException($"{Path.Combine(directory, "terms.tsv")}:{line}: the third cell is 'action' or empty, not '{cells[2].Trim()}'");
            var term = new GlossaryTerm(Split(cells[0]).ToArray(), line, IsAction: cells.Length > 2 && cells[2].Trim() == "action");
            if (term.Search.Count == 0) throw new GlossaryException($"{Path.Combine(directory, "terms.tsv")}:{line}: no search words");
            terms.AddRange(term.Search.Select(p => (p, term)));
            if (cells.Length > 1) terms.AddRange(Split(cells[1]).Select(p => (p, term)));
        }

        var intents = new List<(string, IntentWord)>();
        foreach (var (cells, line) in Read(directory, "intents.tsv", 2))
        {
            if (!Enum.TryParse<AnswerIntent>(cells[0].Replace("-", ""), ignoreCase: true, out var intent))
                throw new GlossaryException($"{Path.Combine(directory, "intents.tsv")}:{line}: unknown intent '{cells[0]}' (count, sum, largest, smallest, fact, most-projects)");
            var word = new IntentWord(intent, cells.Length > 2 ? Split(cells[2]).ToArray() : []);
            intents.AddRange(Split(cells[1]).Select(p => (p, word)));
        }

        var filters = new List<(string, FilterPhrase)>();
        foreach (var (cells, line) in Read(directory, "filters.tsv", 2))
        {
            FilterWord? ParseFilter(string name) => name.Trim() == "-" ? null
                : Enum.TryParse<FilterWord>(name.Replace("-", ""), ignoreCase: true, out var filter) ? filter
                : throw new GlossaryException($"{Path.Combine(directory, "filters.tsv")}:{line}: unknown condition '{name}'");
            var negated = cells.Length > 2 ? Split(cells[2]).Select(n => ParseFilter(n) ?? throw new GlossaryException($"{Path.Combine(directory, "filters.tsv")}:{line}: '-' is not a condition when negated")).ToArray() : [];
            var phrase = new FilterPhrase(ParseFilter(cells[0]), negated);
            if (phrase.Condition is null && negated.Length == 0)
                throw new GlossaryException($"{Path.Combine(directory, "filters.tsv")}:{line}: words with no condition (-) need a condition when negated");
            filters.AddRange(Split(cells[1]).Select(p => (p, phrase)));
        }

        var columns = new List<(string, PlanColumn)>();
        foreach (var (cells, line) in Read(directory, "columns.tsv", 2))
        {
            if (!Enum.TryParse<PlanColumn>(cells[0], ignoreCase: true, out var column) || column == PlanColumn.None)
                throw new GlossaryException($"{Path.Combine(directory, "columns.tsv")}:{line}: unknown column '{cells[0]}' (department, divisions, budget, achievement, results, summary)");
            columns.AddRange(Split(cells[1]).Select(p => (p, column)));
        }

        int? planYear = null;
        var eras = new List<(string, int)>();
        var after = new List<string>();
        foreach (var (cells, line) in Read(directory, "years.tsv", 2))
        {
            var where = $"{Path.Combine(directory, "years.tsv")}:{line}";
            switch (cells[0].Trim())
            {
                case "plan":
                    planYear = int.TryParse(cells[1], out var year) && year > 1900 ? year : throw new GlossaryException($"{where}: '{cells[1]}' is not a year");
                    break;
                case "era":
                    if (cells.Length < 3 || !int.TryParse(cells[2], out var first)) throw new GlossaryException($"{where}: an era needs its names and its first year");
                    eras.AddRange(Split(cells[1]).Select(n => (n, first)));
                    break;
                case "after":
                    after.AddRange(Split(cells[1]));
                    break;
                default:
                    throw new GlossaryException($"{where}: unknown line '{cells[0]}' (plan, era, after)");
            }
        }

        return new Glossary
        {
            Years = planYear is { } plan ? new FiscalYears(plan, eras, after) : throw new GlossaryException($"{Path.Combine(directory, "years.tsv")}: no plan line"),
            Departments = departments,
            Sections = sections,
            SectionsInContext = sectionsInContext,
            SectionWords = sectionWords,
            Terms = terms,
            Intents = intents,
            Filters = filters,
            Columns = columns,
            JapaneseStopWords = ReadWords(directory, "stopwords-ja.txt"),
            EnglishStopWords = ReadWords(directory, "stopwords-en.txt").Select(w => w.ToLowerInvariant()).ToHashSet(),
            TopicWords = ReadWords(directory, "topic.txt").Select(w => w.ToNfkc().ToLowerInvariant()).ToHashSet(),
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

    /// <summary>The lines of a tab-separated glossary file (comments and blank lines skipped), each with its line number.</summary>
    /// <exception cref="GlossaryException">The file is missing, or a line has fewer cells than <paramref name="minCells"/>.</exception>
    public static IEnumerable<(string[] Cells, int Line)> Read(string directory, string file, int minCells)
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
