using IctPlanAssistant.Bot.Authentication;
using IctPlanAssistant.Bot.Connector;
using IctPlanAssistant.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;

namespace IctPlanAssistant.Bot;

/// <summary>
/// The Bot Framework endpoint in a host: <see cref="AddBotFramework{TBot}"/> registers the protocol (authentication,
/// connector, background turns) around the host's bot; <see cref="MapBotEndpoint"/> maps the one endpoint.
/// </summary>
public static class BotFrameworkServiceCollectionExtensions
{
    public static IServiceCollection AddBotFramework<TBot>(this IServiceCollection services, IConfiguration configuration) where TBot : class, IBot
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        BotAuthentication.Add(services);

        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<BotCredentialHealth>();
        services.AddHealthChecks().AddCheck<BotCredentialHealth>("bot-credentials");
        services.AddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<IOptions<BotOptions>>().Value.AuthenticationEnabled
            ? ActivatorUtilities.CreateInstance<MsalBotTokenProvider>(sp)
            : new NoBotToken());

        services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30))
            // A redirect is never followed: the serviceUrl was vouched for, the address it redirects to was not.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler("bot-connector", pipeline =>
            {
                // 408, 429 (honouring Retry-After) and 5xx, and connection failures: three more tries, backing off.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });

        services.TryAddSingleton<TypingIndicators>();
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<TurnQueue>();
        services.AddHostedService<TurnWorker>();
        services.AddSingleton<BotPublicAddress>();
        services.AddHostedService<BotStartupCheck>();
        services.AddSingleton<BotAdapter>();
        services.AddScoped<IBot, TBot>();
        return services;
    }

    /// <summary>
    /// Maps POST <paramref name="pattern"/> (<c>/api/messages</c>): with an app id, only requests whose token the
    /// channel scheme validates reach the adapter; the rest get 401 with nothing more said.
    /// </summary>
    public static RouteHandlerBuilder MapBotEndpoint(this IEndpointRouteBuilder app, string pattern = "/api/messages")
    {
        var endpoint = app.MapPost(pattern, (HttpContext http, BotAdapter adapter) => adapter.ProcessAsync(http, http.RequestAborted))
            .WithName("BotMessages")
            .WithSummary("Bot Framework Activity protocol v3: Teams, Web Chat and the Agents Playground post activities here.")
            .DisableAntiforgery();
        if (app.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value.AuthenticationEnabled)
            endpoint.RequireAuthorization(BotAuthentication.Policy);
        return endpoint;
    }
}
