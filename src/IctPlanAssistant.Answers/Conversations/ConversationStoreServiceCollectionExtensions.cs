using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>Registers the conversation store that <c>Conversations:Store</c> names: Memory (default) or Redis.</summary>
public static class ConversationStoreServiceCollectionExtensions
{
    public static IServiceCollection AddConversationStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ConversationOptions.Section).Get<ConversationOptions>() ?? new ConversationOptions();
        switch (options.Store.Trim().ToLowerInvariant())
        {
            case "memory" or "":
                services.TryAddSingleton<IConversationStore, MemoryConversationStore>();
                break;
            case "redis":
                if (string.IsNullOrWhiteSpace(options.Redis))
                    throw new InvalidOperationException("Conversations:Store is Redis but Conversations:Redis (the connection string, e.g. 127.0.0.1:6379) is empty.");
                services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisConversationStore.Configuration(options.Redis)));
                services.TryAddSingleton<IConversationStore, RedisConversationStore>();
                break;
            default:
                throw new InvalidOperationException($"Conversations:Store '{options.Store}' is not known: use Memory or Redis.");
        }
        return services;
    }
}
