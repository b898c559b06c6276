using System.Net;
using IctPlanAssistant.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Tests;

/// <summary>
/// deploy/kubernetes.yaml as a host reads it: the bot's registration, public address and allowed tenants are set,
/// the host accepts them, and it believes X-Forwarded-For from the ingress's network (else every visitor shares
/// the ingress's rate limit).
/// </summary>
public sealed class DeployConfigurationTests
{
    private static readonly string Manifest = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes.yaml"));

    [Fact]
    public void The_settings_name_an_app_id_a_public_https_address_allowed_tenants_and_the_ingress_network()
    {
        var settings = Settings();

        Assert.True(Guid.TryParse(settings["Bot:MicrosoftAppId"], out _));
        Assert.StartsWith("https://", settings["Bot:PublicBaseUrl"]);
        Assert.True(Guid.TryParse(settings["Bot:AllowedTenants:0"], out _));
        Assert.True(IPNetwork.TryParse(settings["ForwardedHeaders:KnownNetworks:0"], out _));
        Assert.Contains("Bot__MicrosoftAppPassword:", Manifest); // from the Secret
    }

    [Fact]
    public void A_host_with_those_settings_starts_and_trusts_the_ingress_network()
    {
        var settings = Settings().Where(s => s.Key.StartsWith("Bot:", StringComparison.Ordinal) || s.Key.StartsWith("ForwardedHeaders:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Bot:MicrosoftAppPassword"] = "the secret from ictplan-secrets";

        using var host = new PlanWebHost(settings);

        var forwarded = host.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Contains(forwarded.KnownIPNetworks, n => n.ToString() == settings["ForwardedHeaders:KnownNetworks:0"]);
    }

    /// <summary>The ictplan-settings ConfigMap's data, with the environment's __ read as configuration's :.</summary>
    private static Dictionary<string, string> Settings()
    {
        var lines = Manifest.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "name: ictplan-settings");
        var data = Array.FindIndex(lines, start, l => l.TrimEnd() == "data:");
        return lines.Skip(data + 1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) || l.Trim().Length == 0)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Replace("__", ":", StringComparison.Ordinal), p => p[1].Trim().Trim('"'));
    }
}
