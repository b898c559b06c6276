using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Ingestion;

/// <summary>What an ingest did: the rows it indexed, the published manifest, and the warnings to show.</summary>
public sealed record IngestReport(IReadOnlyList<PlanRow> Rows, IndexManifest Manifest, IReadOnlyList<PlanDiagnostic> Warnings, TimeSpan Elapsed);
