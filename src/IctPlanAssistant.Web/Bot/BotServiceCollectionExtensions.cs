using IctPlanAssistant.Bot;
using IctPlanAssistant.Web.Bot.Feedback;
using IctPlanAssistant.Web.Bot.Replies;

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
        app.MapBotEndpoint("/api/messages");
        return app;
    }
}
