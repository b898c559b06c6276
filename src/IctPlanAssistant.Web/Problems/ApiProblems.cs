using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Conversations;

namespace IctPlanAssistant.Web.Problems;

/// <summary>
/// The problem-details answers the pages react to. Each carries a stable <c>code</c> so a page shows its own
/// message in its own language instead of the English title.
/// </summary>
internal static class ApiProblems
{
    public const string QuestionEmpty = "question-empty";
    public const string QuestionTooLong = "question-too-long";
    /// <summary>Over a rate limit: the body's <c>scope</c> says whose (<c>client</c>: this user's; <c>address</c>: the network's), <c>retryAfter</c> when to try again.</summary>
    public const string RateLimited = "rate-limited";
    public const string AnswerFailed = "answer-failed";

    /// <summary>The answer could not be finished (the composer or its service failed mid-stream); the details stay in the log.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails AnswerFailedDetails() => new()
    {
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        Status = StatusCodes.Status500InternalServerError,
        Title = "The answer could not be made",
        Extensions = { ["code"] = AnswerFailed },
    };

    /// <summary>A conversation id is a key the page makes up (32 hex digits); a longer one only fills the store.</summary>
    public const int MaxConversationLength = 128;

    /// <summary>The problem with a conversation id, or null when it is usable.</summary>
    /// <summary>A 400 problem for a web chat conversation id that cannot be used (too long, control characters), else null.</summary>
    public static IResult? InvalidConversation(string? conversation) =>
        conversation is not null && ConversationIds.Problem(conversation, MaxConversationLength) is { } problem
            ? TypedResults.Problem($"conversation {problem}", statusCode: StatusCodes.Status400BadRequest, title: "The conversation id is not valid")
            : null;

    /// <summary>The key of a web chat conversation: the web chat's ids are its own, apart from a Teams conversation of the same id.</summary>
    public static string WebConversation(string conversation) => ConversationIds.Key("web", conversation);

    public static IResult RejectedQuestion(QuestionRejectedException e, string? question, int maxLength) => e.Problem switch
    {
        QuestionProblem.TooLong => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest,
            title: "The question is too long",
            extensions: new Dictionary<string, object?> { ["code"] = QuestionTooLong, ["length"] = question?.Trim().Length ?? 0, ["maxLength"] = maxLength }),
        _ => TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest,
            title: "The question is empty",
            extensions: new Dictionary<string, object?> { ["code"] = QuestionEmpty }),
    };
}
