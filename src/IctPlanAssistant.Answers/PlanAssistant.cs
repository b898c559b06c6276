using System.Runtime.CompilerServices;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Answers.Retrieval;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers;

/// <summary>
/// A question to answer, in a conversation or alone, optionally within one plan of a several-plan index, worded in
/// the given style (やさしい日本語 for <see cref="AnswerStyle.Plain"/>).
/// </summary>
public sealed record AskRequest(string Question, string? ConversationId = null, string? Plan = null, AnswerStyle Style = AnswerStyle.Standard);

/// <summary>
/// The one entry point every channel uses (web chat, HTTP API, bot, CLI): reads the question in the light of
/// the conversation, retrieves rows, has the composer answer, and remembers the turn.
/// </summary>
public sealed class PlanAssistant(
    PlanSearch search,
    IAnswerComposer composer,
    IConversationStore conversations,
    IOptions<AssistantOptions> options,
    ILogger<PlanAssistant> logger,
    IEnumerable<IRetrievalRefiner>? refiners = null)
{
    private readonly IReadOnlyList<IRetrievalRefiner> _refiners = refiners?.ToList() ?? [];
    private readonly AssistantOptions _options = options.Value;
    private readonly AnswerCache _cache = new(options.Value.AnswerCacheSize, options.Value.AnswerCacheBytes);

    public async Task<Answer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        Answer? final = null;
        await foreach (var update in AskStreamingAsync(request, cancellationToken).ConfigureAwait(false))
        {
            final = update.Final ?? final;
        }
        return final ?? throw new InvalidOperationException("the composer ended without a final answer");
    }

    /// <summary>The answer as it is written (for streaming channels); the last update is the final, checked answer.</summary>
    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var question = Validate(request.Question);
        var history = await HistoryAsync(request.ConversationId, cancellationToken).ConfigureAwait(false);
        // A first turn depends only on the question, the plan, the style and the index: the same question again is answered as before.
        var key = history.Count == 0 ? AnswerCache.KeyOf(question, request.Plan, search.Index.Generation, request.Style) : null;
        if (key is not null && _cache.TryGet(key, out var cached))
        {
            var again = cached with { ConversationId = request.ConversationId };
            await RememberAsync(request.ConversationId, again, cancellationToken).ConfigureAwait(false);
            yield return AnswerUpdate.Done(again);
            yield break;
        }
        cancellationToken.ThrowIfCancellationRequested(); // the client went while the history was read: retrieve nothing for it
        var retrieval = await RefineAsync(question, history, request.Plan, Retrieve(question, history, request.Plan), cancellationToken).ConfigureAwait(false);
        var context = new AnswerContext(question, retrieval, history, request.ConversationId) { Style = request.Style };
        Answer? answer = null;
        await foreach (var update in composer.StreamAsync(context, cancellationToken).ConfigureAwait(false))
        {
            if (update.Final is { } final)
            {
                // An answer that cites no row offers the plan's words nearest to the question's (whoever wrote it).
                answer = final with { ConversationId = request.ConversationId, NearestWords = final.Citations.Count == 0 ? retrieval.NearestWords : [] };
                continue;
            }
            yield return update;
        }
        if (answer is null) throw new InvalidOperationException("the composer ended without a final answer");
        if (key is not null) _cache.Add(key, answer);
        await RememberAsync(request.ConversationId, answer, cancellationToken).ConfigureAwait(false);
        yield return AnswerUpdate.Done(answer);
    }

    /// <summary>Retrieval alone, for a question read in a conversation.</summary>
    public RetrievalResult Retrieve(string question, IReadOnlyList<ConversationTurn> history, string? plan = null)
    {
        // A turn that found nothing (そのうち目標を達成したのは？ — none did) leaves the conversation on the rows before it.
        var previous = history.LastOrDefault(t => t.Rows.Count > 0);
        var listed = history.LastOrDefault(t => t.Rows.Count > 1);
        // Answers quote whole cells, so the rows need no highlighted snippets.
        return search.Search(new SearchRequest(question)
        {
            Previous = previous is null ? null : previous.AsPrevious() with { Listed = listed?.Rows },
            Filters = plan is null ? SearchFilters.None : new SearchFilters { Plan = plan },
            Top = _options.RetrievedRows,
            CommonWordsOnlyRank = true,
        });
    }

    /// <summary>The refiners an AI service brings (none without one); one that fails leaves the result as it was.</summary>
    private async Task<RetrievalResult> RefineAsync(string question, IReadOnlyList<ConversationTurn> history, string? plan, RetrievalResult result, CancellationToken cancellationToken)
    {
        foreach (var refiner in _refiners)
        {
            try
            {
                result = await refiner.RefineAsync(new RetrievalTurn(question, history, plan, result, q => Retrieve(q, history, plan)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Retrieval refiner {Refiner} failed ({Error}: {Message}); keeping the result as it was", refiner.GetType().Name, e.GetType().Name, e.Message);
            }
        }
        return result;
    }

    private string Validate(string? question)
    {
        var text = question?.Trim() ?? "";
        if (text.Length == 0) throw new QuestionRejectedException("The question is empty.", QuestionProblem.Empty);
        if (text.Length > _options.MaxQuestionLength)
            throw new QuestionRejectedException($"The question is too long ({text.Length} characters; at most {_options.MaxQuestionLength}).", QuestionProblem.TooLong);
        return text;
    }

    private async Task<IReadOnlyList<ConversationTurn>> HistoryAsync(string? conversationId, CancellationToken cancellationToken)
    {
        if (conversationId is null) return [];
        try
        {
            return await conversations.GetAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store (Redis) is down: answer without follow-up memory rather than not at all.
            logger.LogWarning("Conversation store unavailable ({Reason}); answering {Conversation} without history", e.Message, conversationId);
            return [];
        }
    }

    private async Task RememberAsync(string? conversationId, Answer answer, CancellationToken cancellationToken)
    {
        if (conversationId is null) return;
        var turn = new ConversationTurn(answer.Question, answer.Interpretation, answer.Retrieved, answer.Citations, answer.Text, DateTimeOffset.UtcNow) { About = answer.About, AboutCount = answer.AboutCount };
        try
        {
            await conversations.AppendAsync(conversationId, turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Conversation store unavailable ({Reason}); turn of {Conversation} not remembered", e.Message, conversationId);
        }
    }
}
