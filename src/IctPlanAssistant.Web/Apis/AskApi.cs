using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Contracts;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Web.Hosting;
using IctPlanAssistant.Web.Problems;
using IctPlanAssistant.Web.Protection;
using IctPlanAssistant.Web.Rendering;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The body of POST /api/ask; <c>style</c> is <c>plain</c> for an answer in やさしい日本語, else <c>standard</c> (the default).</summary>
public sealed record AskApiRequest(string? Question, string? Conversation, string? Id = null, string? Plan = null, string? Style = null);

/// <summary>
/// The answer of POST /api/ask: the batch output object (id, answer, citations, retrieved) plus the cited rows,
/// the interpretation, the answer as safe HTML, and how the answer was made.
/// </summary>
public sealed record AskApiResponse(
    string? Id,
    string Answer,
    IReadOnlyList<string> Citations,
    IReadOnlyList<string> Retrieved,
    IReadOnlyList<PlanRow> Rows,
    InterpretationDto Interpretation,
    string Source,
    bool NoMatch,
    string? Notice,
    IReadOnlyList<string> FollowUps,
    string? Conversation,
    string AnswerHtml,
    IReadOnlyList<string> NearestWords,
    IReadOnlyList<RelatedRowDto> Related)
{
    /// <summary>The near rows shown as related projects: the first few (their ids are all in <see cref="Retrieved"/>).</summary>
    public const int RelatedShown = 5;

    /// <param name="conversation">The id the page sent (the answer is kept under the web chat's key for it).</param>
    public static AskApiResponse From(string? id, string? conversation, Answer answer, AnswerHtml html)
    {
        var line = AnswerLine.From(id, answer);
        return new(id, line.Answer, line.Citations, line.Retrieved, answer.CitedRows, InterpretationDto.From(answer.Interpretation),
            answer.Source.ToString(), answer.NoMatch, answer.Notice, answer.FollowUps, conversation, html.Render(answer.Text), answer.NearestWords,
            answer.Near.Take(RelatedShown).Select(RelatedRowDto.From).ToList());
    }
}

/// <summary>
/// A row the retrieval ranked after the answer's (<see cref="Answer.Near"/>): it matches some of the question, not
/// enough to be cited; the page offers it as a related project. Only what a chip shows.
/// </summary>
public sealed record RelatedRowDto(string Id, string Name, string Department, long? BudgetThousandYen)
{
    public static RelatedRowDto From(PlanRow row) => new(row.Id.ToString(), row.Name, row.Department, row.BudgetThousandYen);
}

/// <summary>A piece of the answer text as a model writes it (the <c>delta</c> event of the stream).</summary>
public sealed record AskDelta(string Text);

internal static class AskApi
{
    /// <summary>A question is at most a few thousand characters; a body far larger is refused before it is read.</summary>
    public const long MaxRequestBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question from the plan, citing the rows it rests on.")
            .WithDescription("JSON by default. With `Accept: text/event-stream` the answer is streamed as server-sent events: " +
                             "`delta` events ({\"text\"}) while a model writes, then one `answer` event with the same object as the JSON answer " +
                             "(or an `error` event with problem details).")
            .Accepts<AskApiRequest>("application/json")
            .Produces<AskApiResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .RequireRateLimit(RateLimits.Ask)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes));
        return app;
    }

    private static async Task<IResult> AskAsync(
        AskApiRequest request,
        HttpRequest http,
        PlanAssistant assistant,
        AnswerHtml html,
        IOptions<AssistantOptions> options,
        IOptions<JsonOptions> json,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidConversation(request.Conversation) is { } invalid) return invalid;
        if (StyleOf(request.Style) is not { } style)
            return TypedResults.Problem("style is standard or plain", statusCode: StatusCodes.Status400BadRequest, title: "The answer style is not known");
        var ask = new AskRequest(request.Question ?? "", request.Conversation is null ? null : ApiProblems.WebConversation(request.Conversation), request.Plan, style);
        IAsyncEnumerator<AnswerUpdate>? updates = null;
        try
        {
            if (!WantsEventStream(http))
            {
                var answer = await assistant.AskAsync(ask, cancellationToken);
                // Written whole from a pooled buffer: the same bytes as TypedResults.Ok, without the copies (WholeJsonResult).
                return new WholeJsonResult<AskApiResponse>(AskApiResponse.From(request.Id, request.Conversation, answer, html), json.Value.SerializerOptions);
            }
            // The question is checked when the stream starts: a rejected one is still a plain 400, not an event.
            updates = assistant.AskStreamingAsync(ask, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var hasFirst = await updates.MoveNextAsync();
            var events = Events(updates, hasFirst, request.Id, request.Conversation, html, json.Value.SerializerOptions, loggers.CreateLogger(typeof(AskApi)), cancellationToken);
            updates = null; // the stream owns it now
            return TypedResults.ServerSentEvents(events);
        }
        catch (QuestionRejectedException e)
        {
            return ApiProblems.RejectedQuestion(e, request.Question, options.Value.MaxQuestionLength);
        }
        finally
        {
            if (updates is not null) await updates.DisposeAsync();
        }
    }

    private static AnswerStyle? StyleOf(string? style) => style?.Trim().ToLowerInvariant() switch
    {
        null or "" or "standard" => AnswerStyle.Standard,
        "plain" => AnswerStyle.Plain,
        _ => null,
    };

    private static bool WantsEventStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static async IAsyncEnumerable<SseItem<string>> Events(
        IAsyncEnumerator<AnswerUpdate> updates,
        bool hasCurrent,
        string? id,
        string? conversation,
        AnswerHtml html,
        JsonSerializerOptions json,
        ILogger logger,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var _ = updates;
        while (hasCurrent)
        {
            var update = updates.Current;
            if (update.Final is { } answer)
                yield return new SseItem<string>(JsonSerializer.Serialize(AskApiResponse.From(id, conversation, answer, html), json), "answer");
            else if (update.TextDelta is { Length: > 0 } delta)
                yield return new SseItem<string>(JsonSerializer.Serialize(new AskDelta(delta), json), "delta");

            // The status line is sent already: a failure from here on can only be told as an event.
            string? failure = null;
            try
            {
                hasCurrent = await updates.MoveNextAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "The answer stream failed");
                failure = JsonSerializer.Serialize(ApiProblems.AnswerFailedDetails(), json);
                hasCurrent = false;
            }
            if (failure is not null) yield return new SseItem<string>(failure, "error");
        }
    }
}

/// <summary>The interpretation as the API shows it: the readable text and its parts.</summary>
public sealed record InterpretationDto(
    string Text,
    string Language,
    string Intent,
    IReadOnlyList<string> Departments,
    IReadOnlyList<int> Sections,
    IReadOnlyList<string> Divisions,
    bool? IsNew,
    long? MinBudget,
    long? MaxBudget,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string>? Scope)
{
    public static InterpretationDto From(QueryInterpretation q) => new(
        InterpretationText.Describe(q),
        q.Language == QueryLanguage.Japanese ? "ja" : "en",
        q.Intent.ToString(),
        q.Departments,
        q.Sections,
        q.Divisions,
        q.IsNew,
        q.Budget?.Min,
        q.Budget?.Max,
        q.Terms.Select(t => t.Text).ToList(),
        q.Scope?.Select(s => s.ToString()).ToList());
}
