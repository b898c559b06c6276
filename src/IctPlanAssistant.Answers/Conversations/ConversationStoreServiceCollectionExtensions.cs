using IctPlanAssistant.Answers.Feedback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>
/// Registers the conversation and feedback stores that <c>Conversations:Store</c> names: Memory (default) or Redis.
/// The choice is read when the stores are first needed, from the host's final configuration (a test host's
/// settings, say, are not all there while services are registered); a wrong setting is an options error then.
/// </summary>
public static class ConversationStoreServiceCollectionExtensions
{
    public static IServiceCollection AddConversationStore(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();
        services.AddOptions<ConversationOptions>().ValidateOnStart();
        services.TryAddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(RedisConversationStore.Configuration(Options(sp).Redis!)));
        services.TryAddSingleton<IConversationStore>(sp => UsesRedis(sp)
            ? ActivatorUtilities.CreateInstance<RedisConversationStore>(sp)
            : ActivatorUtilities.CreateInstance<MemoryConversationStore>(sp));
        services.TryAddSingleton<IFeedbackStore>(sp => UsesRedis(sp)
            ? ActivatorUtilities.CreateInstance<RedisFeedbackStore>(sp)
            : ActivatorUtilities.CreateInstance<MemoryFeedbackStore>(sp));
        return services;
    }

    private static ConversationOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ConversationOptions>>().Value;

    private static bool UsesRedis(IServiceProvider services) => Options(services).Store.Trim().Equals("redis", StringComparison.OrdinalIgnoreCase);

    private sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
    {
        public ValidateOptionsResult Validate(string? name, ConversationOptions options) => options.Store.Trim().ToLowerInvariant() switch
        {
            "memory" or "" => ValidateOptionsResult.Success,
            "redis" when string.IsNullOrWhiteSpace(options.Redis) =>
                ValidateOptionsResult.Fail("Conversations:Store is Redis but Conversations:Redis (the connection string, e.g. 127.0.0.1:6379) is empty."),
            "redis" => ValidateOptionsResult.Success,
            _ => ValidateOptionsResult.Fail($"Conversations:Store '{options.Store}' is not known: use Memory or Redis."),
        };
    }
}
