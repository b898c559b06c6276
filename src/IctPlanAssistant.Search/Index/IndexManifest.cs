namespace IctPlanAssistant.Search.Index;

/// <summary>What an index generation holds, written beside it as manifest.json.</summary>
public sealed record IndexManifest(
    int SchemaVersion,
    DateTimeOffset CreatedUtc,
    int Rows,
    IReadOnlyList<IndexedSource> Sources)
{
    /// <summary>Raised whenever the fields or their analysis change, so an old index is rebuilt, not misread.</summary>
    public const int CurrentSchemaVersion = 5;

    public const string FileName = "manifest.json";

    /// <summary>Whether this version of the code can read the generation.</summary>
    public bool IsCurrentSchema => SchemaVersion == CurrentSchemaVersion;

    /// <summary>The title of a section, from the first plan (or the given plan) that has it.</summary>
    public string? SectionTitle(int section, string? plan = null) =>
        Sources.Where(s => plan is null || s.Plan == plan)
            .SelectMany(s => s.Sections).FirstOrDefault(s => s.Number == section)?.Title;
}

/// <summary>One plan document in an index: its path, plan key (null in a one-plan index), sections, rows and content hash.</summary>
public sealed record IndexedSource(string Path, string? Plan, IReadOnlyList<IctPlanAssistant.Ingestion.PlanSection> Sections, int Rows, string Sha256);
