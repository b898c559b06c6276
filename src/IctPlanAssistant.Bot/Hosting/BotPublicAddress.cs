using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// The base of every absolute link a reply holds: <c>Bot:PublicBaseUrl</c>, or, for a host in local development
/// that listens on loopback alone, the address it listens on. Never the request's Host header or forwarded
/// headers, which anyone can set (<c>Host: evil.example</c> once put evil links into answers).
/// </summary>
public sealed class BotPublicAddress(IOptions<BotOptions> options, IServer server)
{
    private Uri? _base;

    public Uri BaseUri => _base ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)) return new Uri(options.Value.PublicBaseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute);
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(ListeningAddresses.IsLoopback)
            ?? throw new InvalidOperationException("Bot:PublicBaseUrl is not set and the host listens on no loopback address");
        return new Uri(listening.TrimEnd('/') + "/", UriKind.Absolute);
    }
}
