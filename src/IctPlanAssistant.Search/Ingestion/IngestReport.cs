using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Ingestion;

/// <summary>What an ingest did: rows per section and per department, the published manifest, and the warnings to show.</summary>
public sealed record IngestReport(
    long RowCount,
    IReadOnlyList<SectionCount> Sections,
    IReadOnlyList<DepartmentCount> Departments,
    IndexManifest Manifest,
    IReadOnlyList<PlanDiagnostic> Warnings,
    TimeSpan Elapsed);

public sealed record SectionCount(string? Plan, int Section, string Title, int Rows);

public sealed record DepartmentCount(string Department, int Rows, long BudgetThousandYen);
