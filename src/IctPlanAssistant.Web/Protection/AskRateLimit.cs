using System.Globalization;
using System.Threading.RateLimiting;
using IctPlanAssistant.Web.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace IctPlanAssistant.Web.Protection;

/// <summary>The <c>RateLimiting:Ask</c> configuration section: questions one client may ask per window.</summary>
public sealed class AskRateLimitOptions
{
    public const string Section = "RateLimiting:Ask";

    /// <summary>Questions per window and client; 0 turns the limit off.</summary>
    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Limits how often one client (by remote address) may ask: answering is the costly call of the public page,
/// and with a model configured every question is paid for. Behind a reverse proxy the address is the one the
/// proxy forwards (<see cref="ClientAddresses"/>).
/// </summary>
internal static class AskRateLimit
{
    public const string Policy = "ask";

    public static IServiceCollection AddAskRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AskRateLimitOptions>(configuration.GetSection(AskRateLimitOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteBusyAsync;
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AskRateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return options.PermitLimit <= 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = options.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        });
        return services;
    }

    private static async ValueTask WriteBusyAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many questions",
                Detail = $"Too many questions from this client; try again in {retryAfter} seconds.",
                Extensions = { ["code"] = ApiProblems.Busy, ["retryAfter"] = retryAfter },
            },
        });
    }
}
