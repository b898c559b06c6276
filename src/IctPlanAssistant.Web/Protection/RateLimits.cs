using System.Globalization;
using System.Threading.RateLimiting;
using IctPlanAssistant.Web.Problems;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Protection;

/// <summary>
/// One endpoint's limits (<c>RateLimiting:Ask</c>, <c>RateLimiting:Search</c>, <c>RateLimiting:Messages</c>, <c>RateLimiting:Suggest</c>): requests
/// one client may make per window, and a ceiling for everyone behind one address together.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per window and client (a browser, a Teams user); 0 turns the endpoint's limits off.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Requests per window from one address, all clients together (a library's or a city office's network); 0: no ceiling.</summary>
    public int AddressPermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Who a request counts against: a client (a browser's cookie, a channel's user), and the address whose ceiling it shares (none for a channel's users, who all come through Microsoft's connector).</summary>
public readonly record struct RateLimitKey(string Client, string? Address);

/// <summary>
/// The rate limits of the costly endpoints, one design for all: <c>/api/ask</c> (answering; with a model every
/// question is paid for), <c>/api/search</c>, <c>/api/messages</c>, and <c>/api/suggest</c> (cheap, but asked as the user types). A request counts against its client, so
/// people who share an address (a library, a city office) each have their own limit, and against its address, whose
/// ceiling bounds a client that makes itself new identities. Over either, a 429 problem (<c>code: rate-limited</c>)
/// says whose limit it is and when to retry, and so does <c>Retry-After</c>. Numbers from <c>RateLimiting:*</c>;
/// <c>RateLimiting:Enabled=false</c> turns every limit off (load tests).
/// </summary>
public sealed class RateLimits
{
    public const string Section = "RateLimiting";
    public const string Ask = "Ask", Search = "Search", Messages = "Messages", Suggest = "Suggest";

    private static readonly Dictionary<string, RateLimitOptions> Defaults = new()
    {
        [Ask] = new() { PermitLimit = 30, AddressPermitLimit = 300 },
        [Search] = new() { PermitLimit = 120, AddressPermitLimit = 1200 },
        [Messages] = new() { PermitLimit = 30, AddressPermitLimit = 300 },
        // Search-as-you-type asks once per pause in typing: a citizen typing a few questions a minute stays far below.
        [Suggest] = new() { PermitLimit = 600, AddressPermitLimit = 6000 },
    };

    private readonly Dictionary<string, Policy> _policies;

    public RateLimits(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var enabled = section.GetValue("Enabled", true);
        _policies = Defaults.ToDictionary(d => d.Key, d =>
        {
            var options = new RateLimitOptions { PermitLimit = d.Value.PermitLimit, AddressPermitLimit = d.Value.AddressPermitLimit };
            section.GetSection(d.Key).Bind(options);
            return new Policy(enabled && options.PermitLimit > 0 ? options : null);
        });
    }

    /// <summary>Takes a permit for the request, or answers why not (the 429 to return).</summary>
    public IResult? TryAcquire(string policy, RateLimitKey key, HttpContext http)
    {
        var refusal = _policies[policy].TryAcquire(key);
        if (refusal is null) return null;
        var (scope, options, retryAfter) = refusal.Value;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            scope == "client"
                ? $"You have made {options.PermitLimit} requests in {Describe(options.Window)}, the limit for one user; try again in {retryAfter} seconds."
                : $"Requests from your network reached their shared limit of {options.AddressPermitLimit} in {Describe(options.Window)}; try again in {retryAfter} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            type: "https://tools.ietf.org/html/rfc6585#section-4",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = ApiProblems.RateLimited,
                ["scope"] = scope,
                ["retryAfter"] = retryAfter,
                ["limit"] = scope == "client" ? options.PermitLimit : options.AddressPermitLimit,
                ["windowSeconds"] = (int)options.Window.TotalSeconds,
            });
    }

    private static string Describe(TimeSpan window) => window.TotalMinutes >= 1 && window.TotalMinutes % 1 == 0
        ? $"{window.TotalMinutes:0} minute(s)"
        : $"{window.TotalSeconds:0} seconds";

    /// <summary>One endpoint's limiters: by client, and by address. Idle partitions are dropped by the limiters themselves.</summary>
    private sealed class Policy(RateLimitOptions? options)
    {
        private readonly PartitionedRateLimiter<string>? _clients = options is null ? null : Partitioned(options.PermitLimit, options.Window);
        private readonly PartitionedRateLimiter<string>? _addresses = options is { AddressPermitLimit: > 0 } ? Partitioned(options.AddressPermitLimit, options.Window) : null;

        public (string Scope, RateLimitOptions Options, int RetryAfter)? TryAcquire(RateLimitKey key)
        {
            if (options is null) return null;
            using (var lease = _clients!.AttemptAcquire(key.Client))
            {
                if (!lease.IsAcquired) return ("client", options, RetryAfter(lease, options));
            }
            if (_addresses is null || key.Address is null) return null;
            using (var lease = _addresses.AttemptAcquire(key.Address))
            {
                if (!lease.IsAcquired) return ("address", options, RetryAfter(lease, options));
            }
            return null;
        }

        private static int RetryAfter(RateLimitLease lease, RateLimitOptions options) =>
            Math.Max(1, (int)Math.Ceiling((lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window).TotalSeconds));

        private static PartitionedRateLimiter<string> Partitioned(int permits, TimeSpan window) =>
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}

/// <summary>Wires <see cref="RateLimits"/> onto endpoints (the bot endpoint's admission is <see cref="BotTurnRateLimit"/>).</summary>
internal static class RateLimitEndpoints
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<RateLimits>();
        services.AddSingleton<IctPlanAssistant.Bot.Hosting.ITurnAdmission, BotTurnRateLimit>();
        return services;
    }

    /// <summary>Counts each request of the endpoints against its browser (<see cref="ClientCookie"/>) and its address.</summary>
    public static TBuilder RequireRateLimit<TBuilder>(this TBuilder endpoints, string policy) where TBuilder : IEndpointConventionBuilder =>
        endpoints.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return http.RequestServices.GetRequiredService<RateLimits>().TryAcquire(policy, ClientCookie.KeyOf(http), http) ?? await next(context);
        });
}
