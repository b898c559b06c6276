using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.Composition;

/// <summary>What a composer answers from: the question, the rows the retrieval layer returned, and the earlier turns.</summary>
public sealed record AnswerContext(string Question, RetrievalResult Retrieval, IReadOnlyList<ConversationTurn> History, string? ConversationId)
{
    /// <summary>How to word the answer (やさしい日本語 or the plan's own words); it never changes which rows are cited.</summary>
    public AnswerStyle Style { get; init; }
}

/// <summary>Writes the answer to a question from the retrieved rows, citing only rows it was given.</summary>
public interface IAnswerComposer
{
    Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken);

    /// <summary>The answer as it is written; the last update carries the final, checked answer.</summary>
    IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, CancellationToken cancellationToken);
}
