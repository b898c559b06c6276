using IctPlanAssistant.Bot;
using IctPlanAssistant.Bot.Schema;
using IctPlanAssistant.Web.Bot.Feedback;
using IctPlanAssistant.Web.Bot.Replies;
using IctPlanAssistant.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IctPlanAssistant.Web.Bot;

/// <summary>The plan assistant's bot on the Bot Framework endpoint: registered by <see cref="AddPlanBot"/>, mapped by <see cref="MapBotApi"/>.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddPlanBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFramework<PlanBot>(configuration);
        services.AddSingleton<FeedbackLog>();
        services.AddSingleton<AnswerReplyBuilder>();
        return services;
    }

    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        // An expectReplies turn's replies are written whole from a pooled buffer (WholeJsonResult): the same bytes as the
        // adapter's Results.Json, without WholeResponses buffering and copying them again.
        app.MapBotEndpoint("/api/messages").AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            return result is JsonHttpResult<ExpectedReplies> { Value: { } replies, JsonSerializerOptions: { } options } json
                ? new WholeJsonResult<ExpectedReplies>(replies, options, json.StatusCode ?? StatusCodes.Status200OK)
                : result;
        });
        return app;
    }
}
