using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Contracts;
using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The body of POST /api/ask.</summary>
public sealed record AskApiRequest(string? Question, string? Conversation, string? Id = null, string? Plan = null);

/// <summary>
/// The answer of POST /api/ask: the batch output object (id, answer, citations, retrieved) plus the cited rows,
/// the interpretation, and how the answer was made.
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
    string? Conversation)
{
    public static AskApiResponse From(string? id, Answer answer)
    {
        var line = AnswerLine.From(id, answer);
        return new(id, line.Answer, line.Citations, line.Retrieved, answer.CitedRows, InterpretationDto.From(answer.Interpretation),
            answer.Source.ToString(), answer.NoMatch, answer.Notice, answer.FollowUps, answer.ConversationId);
    }
}

internal static class AskApi
{
    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync)
            .WithName("Ask")
            .WithSummary("Answer a question from the plan, citing the rows it rests on.");
        return app;
    }

    private static async Task<IResult> AskAsync(AskApiRequest request, PlanAssistant assistant, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await assistant.AskAsync(new AskRequest(request.Question ?? "", request.Conversation, request.Plan), cancellationToken);
            return Results.Ok(AskApiResponse.From(request.Id, answer));
        }
        catch (QuestionRejectedException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "The question cannot be answered as asked");
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
