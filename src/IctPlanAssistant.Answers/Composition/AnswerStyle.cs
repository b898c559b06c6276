namespace IctPlanAssistant.Answers.Composition;

/// <summary>How an answer is worded. The rows it cites and the figures it states do not depend on it.</summary>
public enum AnswerStyle
{
    /// <summary>The plan's own words and figures as printed (1,943,682千円).</summary>
    Standard,

    /// <summary>
    /// やさしい日本語 (Japanese answers only): short sentences in です/ます, amounts in 億円/万円 beside the exact figure
    /// (約19億4千万円（1,943,682千円）), and each official term explained the first time it is used (data/glossary/plain-terms.tsv).
    /// </summary>
    Plain,
}
