namespace IctPlanAssistant.Search.Index;

/// <summary>The <c>Index</c> configuration section.</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>The index directory (relative paths are relative to the working directory).</summary>
    public string Path { get; set; } = "index";

    /// <summary>Build the index from the bundled plan when there is none (the web host does, so it runs from a fresh clone).</summary>
    public bool BuildBundledPlanIfMissing { get; set; }

    /// <summary>How often a running host looks for an index that <c>ictplan ingest</c> published.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);
}
