using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Web.Problems;

namespace IctPlanAssistant.Web.Apis;

/// <summary>
/// DELETE /api/conversations/{id}: the chat's "新しい質問" forgets the conversation on the server too, so a follow-up
/// such as その担当課は？ is never answered about turns the user no longer sees.
/// </summary>
internal static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/conversations/{id}", DeleteAsync)
            .WithName("DeleteConversation")
            .WithSummary("Forget a conversation's turns (204 also when there were none).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> DeleteAsync(string id, IConversationStore store, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidConversation(id) is { } invalid) return invalid;
        try
        {
            await store.RemoveAsync(ApiProblems.WebConversation(id), cancellationToken);
        }
        catch (ConversationStoreUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The conversation store cannot be reached");
        }
        return TypedResults.NoContent();
    }
}
