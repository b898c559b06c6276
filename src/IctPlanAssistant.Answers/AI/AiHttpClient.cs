using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace IctPlanAssistant.Answers.AI;

/// <summary>
/// The HttpClient the Semantic Kernel connectors send through: retries with exponential backoff for 429, 5xx,
/// network errors and attempt time-outs (honouring Retry-After), a circuit breaker that stops calling a failing
/// service for a while, and a time-out per attempt. The connector's own retries are switched off
/// (<see cref="KernelFactory"/>), so this pipeline is the one place that decides.
/// </summary>
internal static class AiHttpClient
{
    public const string Name = "IctPlanAssistant.AI";

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient(Name)
            // The answer's own deadline (AI:TimeoutSeconds) covers the whole stream; HttpClient's 100 s must not cut it first.
            .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("ai", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value;
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
                        ShouldRetryAfterHeader = true,
                    });
                }
                // Inside the retry, so that every attempt counts towards opening the circuit.
                pipeline
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = options.CircuitBreakerFailureRatio,
                        MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                        SamplingDuration = TimeSpan.FromSeconds(options.CircuitBreakerSamplingSeconds),
                        BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakerBreakSeconds),
                    })
                    .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
            });
    }
}
