namespace IctPlanAssistant.Ingestion;

/// <summary>A section (柱) of a plan: its number and title as printed.</summary>
public sealed record PlanSection(int Number, string Title, int Line);

/// <summary>What the parser read from one plan document: its sections, its rows, and warnings that did not stop it.</summary>
public sealed record PlanDocument(
    string Source,
    IReadOnlyList<PlanSection> Sections,
    IReadOnlyList<PlanRow> Rows,
    IReadOnlyList<PlanDiagnostic> Warnings);
