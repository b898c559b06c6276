namespace IctPlanAssistant.Ingestion;

/// <summary>Something the parser has to say about a line of a plan document.</summary>
public sealed record PlanDiagnostic(string Source, int Line, string Message)
{
    public override string ToString() => $"{Source}:{Line}: {Message}";
}

/// <summary>
/// Thrown when a plan document cannot be read as a plan; lists its errors with their file and line (the first
/// <see cref="PlanDiagnostics.MaxListed"/>, then how many more) and counts them all in <see cref="Total"/>.
/// </summary>
public sealed class PlanFormatException(IReadOnlyList<PlanDiagnostic> errors, long? total = null)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PlanDiagnostic> Errors { get; } = errors;

    public long Total { get; } = total ?? errors.Count;
}

/// <summary>Lists of diagnostics kept to a length a person reads: a document of bad lines may have millions.</summary>
public static class PlanDiagnostics
{
    /// <summary>Errors listed in full; the rest are counted.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// The first <see cref="MaxListed"/> of <paramref name="errors"/> and, when there were more (<paramref name="total"/>
    /// counts them all), one line saying how many more, at the line of the first not listed when it was kept.
    /// </summary>
    public static IReadOnlyList<PlanDiagnostic> Bounded(IReadOnlyList<PlanDiagnostic> errors, long? total = null)
    {
        var more = (total ?? errors.Count) - Math.Min(errors.Count, MaxListed);
        if (more <= 0) return errors;
        var at = errors.Count > MaxListed ? errors[MaxListed] : errors[^1];
        return [.. errors.Take(MaxListed), at with { Message = $"… and {more:N0} more error(s) not listed; fix the ones above first" }];
    }
}
