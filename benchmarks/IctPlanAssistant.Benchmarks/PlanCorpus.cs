using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Ingestion;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// The text cells of the bundled plan, as the index analyses them: name, summary, achievement, results,
/// department and the divisions (one per line), for every row.
/// </summary>
internal sealed class PlanCorpus
{
    public const string PlanFileName = "fukushima-ict-action-plan-2017.txt";

    private static readonly Lazy<PlanCorpus> Instance = new(() => Load(FindPlan()));

    private PlanCorpus(string path, int rows, string[] cells)
    {
        Path = path;
        Rows = rows;
        Cells = cells;
        Chars = cells.Sum(c => (long)c.Length);
    }

    public static PlanCorpus Shared => Instance.Value;

    /// <summary>The plan document the cells came from.</summary>
    public string Path { get; }

    public int Rows { get; }

    /// <summary>Every non-empty text cell, in document order.</summary>
    public string[] Cells { get; }

    /// <summary>UTF-16 code units in <see cref="Cells"/>.</summary>
    public long Chars { get; }

    private static PlanCorpus Load(string path)
    {
        var document = new PlanDocumentParser().ParseFile(path);
        var cells = document.Rows
            .SelectMany(r => new[] { r.Name, r.Summary, r.Achievement, r.Results, r.Department, string.Join('\n', r.Divisions) })
            .Where(c => c.Length > 0)
            .ToArray();
        return new PlanCorpus(path, document.Rows.Count, cells);
    }

    /// <summary>The bundled plan beside the assembly (copied there at build), else in the repository's data/plans.</summary>
    internal static string FindPlan()
    {
        var bundled = System.IO.Path.Combine(PlanSource.BundledDirectory, PlanFileName);
        if (File.Exists(bundled)) return bundled;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "data", "plans", PlanFileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{PlanFileName} was found neither in {PlanSource.BundledDirectory} nor in a data/plans directory above {AppContext.BaseDirectory}");
    }
}
