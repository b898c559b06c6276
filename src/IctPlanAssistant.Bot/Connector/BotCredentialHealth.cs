using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IctPlanAssistant.Bot.Connector;

/// <summary>
/// Whether the bot can get its outbound token: the first failure since the last success (an expired client secret,
/// a deleted app registration), shown by /healthz as "bot credentials failing since …" until a token comes again.
/// </summary>
public sealed class BotCredentialHealth(TimeProvider clock) : IHealthCheck
{
    private DateTimeOffset? _failingSince;

    public DateTimeOffset? FailingSince
    {
        get
        {
            lock (this) return _failingSince;
        }
    }

    public void Succeeded()
    {
        lock (this) _failingSince = null;
    }

    public void Failed()
    {
        lock (this) _failingSince ??= clock.GetUtcNow();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(FailingSince is { } since
            ? HealthCheckResult.Degraded($"bot credentials failing since {since:u}: replies cannot be sent (see the log)")
            : HealthCheckResult.Healthy());
}

/// <summary>The bot's own credentials were refused (or Entra could not be reached): no reply can be sent until they work.</summary>
public sealed class BotCredentialException(string message, Exception inner) : Exception(message, inner);
