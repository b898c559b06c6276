using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Once the server listens: a bot without an app id accepts activities from anyone, so it may run only while the
/// host listens on loopback alone (./run.sh), or where an operator said so for development (<c>Bot:AllowAnonymous</c>).
/// Otherwise the host stops at start with what to set, rather than serve an open endpoint and log a warning.
/// </summary>
internal sealed class BotStartupCheck(IOptions<BotOptions> options, IServer server, ILogger<BotStartupCheck> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.AuthenticationEnabled) return Task.CompletedTask;
        var exposed = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Where(a => !ListeningAddresses.IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            logger.LogWarning("Bot:MicrosoftAppId is not set: /api/messages accepts requests without authentication, from this machine only, and replies only to loopback serviceUrls. Set Bot:MicrosoftAppId (and the password, tenant, app type and Bot:PublicBaseUrl) before exposing it.");
            return Task.CompletedTask;
        }
        if (!bot.AllowAnonymous)
            throw new BotConfigurationException(
                $"Bot:MicrosoftAppId is not set and the host listens on {string.Join(", ", exposed)}: /api/messages would take anyone's activities. " +
                "Set Bot:MicrosoftAppId (with Bot:MicrosoftAppPassword, Bot:MicrosoftAppTenantId, Bot:MicrosoftAppType and Bot:PublicBaseUrl), listen on loopback only (--urls http://127.0.0.1:PORT), or, for development, set Bot:AllowAnonymous=true.");
        if (string.IsNullOrWhiteSpace(bot.PublicBaseUrl))
            throw new BotConfigurationException($"Bot:AllowAnonymous is set and the host listens on {string.Join(", ", exposed)}: set Bot:PublicBaseUrl, the address links in replies point to.");
        logger.LogWarning("Bot:AllowAnonymous is set: /api/messages on {Addresses} accepts requests without authentication (development only)", string.Join(", ", exposed));
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The Bot:* settings cannot work as given; the message names what to set.</summary>
public sealed class BotConfigurationException(string message) : Exception(message);
