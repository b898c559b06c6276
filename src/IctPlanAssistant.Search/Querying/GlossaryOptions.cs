namespace IctPlanAssistant.Search.Querying;

/// <summary>The <c>Glossary</c> configuration section.</summary>
public sealed class GlossaryOptions
{
    public const string Section = "Glossary";

    /// <summary>The glossary directory; empty for the one installed beside the application.</summary>
    public string? Path { get; set; }
}
