using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.Retrieval;

/// <summary>
/// A turn's retrieval so far, for a refiner: the question, the conversation, the current result, and how to
/// retrieve for another wording of the question (through the same interpreter and retriever as the turn).
/// </summary>
public sealed record RetrievalTurn(
    string Question,
    IReadOnlyList<ConversationTurn> History,
    string? Plan,
    RetrievalResult Result,
    Func<string, RetrievalResult> RetrieveFor);

/// <summary>
/// A step after the Lucene retrieval of a turn that an AI service makes possible (query rewriting, hybrid ranking
/// with embeddings). None is registered when no AI service is configured, and retrieval is then exactly Lucene's.
/// A refiner that fails leaves the result as it was (<see cref="PlanAssistant"/> logs it).
/// </summary>
public interface IRetrievalRefiner
{
    Task<RetrievalResult> RefineAsync(RetrievalTurn turn, CancellationToken cancellationToken);
}
