namespace IctPlanAssistant.Search.Retrieval;

/// <summary>When two rows' coverages count as the same level (they differ by rounding, not by what they match).</summary>
public static class RowLevels
{
    public const double Tie = 0.01;
}
