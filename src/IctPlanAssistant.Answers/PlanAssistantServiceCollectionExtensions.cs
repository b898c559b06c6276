using IctPlanAssistant.Answers.AI;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IctPlanAssistant.Answers;

/// <summary>Registers the search (index, query understanding, retrieval), the answer composer and the assistant: what every host needs.</summary>
public static class PlanAssistantServiceCollectionExtensions
{
    public static IServiceCollection AddPlanAssistant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlanSearch(configuration);
        services.Configure<AssistantOptions>(configuration.GetSection(AssistantOptions.Section));
        services.Configure<ConversationOptions>(configuration.GetSection(ConversationOptions.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddAnswerComposition(configuration);
        services.AddConversationStore();
        services.TryAddSingleton<PlanAssistant>();
        return services;
    }
}
