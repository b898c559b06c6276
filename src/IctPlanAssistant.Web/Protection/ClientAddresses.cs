using Microsoft.AspNetCore.HttpOverrides;

namespace IctPlanAssistant.Web.Protection;

/// <summary>
/// The visitor's address behind a reverse proxy (nginx in deploy/, an ingress): X-Forwarded-For is believed only
/// from loopback proxies, as ASP.NET Core does by default, and from the networks the
/// <c>ForwardedHeaders:KnownNetworks</c> setting names (CIDR). Without it the question limit would count every
/// visitor behind the proxy as one client.
/// </summary>
internal static class ClientAddresses
{
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var network in configuration.GetSection(KnownNetworksKey).Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    public static IApplicationBuilder UseClientAddresses(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
