namespace IctPlanAssistant.Answers;

/// <summary>The <c>Assistant</c> configuration section.</summary>
public sealed class AssistantOptions
{
    public const string Section = "Assistant";

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Rows the retrieval layer returns per turn (the batch contract's <c>retrieved</c> holds up to 20).</summary>
    public int RetrievedRows { get; set; } = 20;

    /// <summary>First-turn answers kept for the same question asked again (0: none kept).</summary>
    public int AnswerCacheSize { get; set; } = 1000;

    /// <summary>Bytes the answer cache may keep in all (an estimate: texts, ids, cited rows).</summary>
    public long AnswerCacheBytes { get; set; } = AnswerCache.DefaultMaxBytes;
}
