namespace IctPlanAssistant.Ingestion;

/// <summary>Something the parser has to say about a line of a plan document.</summary>
public sealed record PlanDiagnostic(string Source, int Line, string Message)
{
    public override string ToString() => $"{Source}:{Line}: {Message}";
}

/// <summary>Thrown when a plan document cannot be read as a plan; lists every error with its file and line.</summary>
public sealed class PlanFormatException(IReadOnlyList<PlanDiagnostic> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PlanDiagnostic> Errors { get; } = errors;
}
