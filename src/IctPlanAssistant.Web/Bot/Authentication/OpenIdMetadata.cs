using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IctPlanAssistant.Web.Bot.Authentication;

/// <summary>
/// One issuer's OpenID metadata and signing keys, fetched on first use and refreshed as the SDK does: every
/// 24 hours, and when a token names a key that is not there, at most once an hour (PROTOCOL-NOTES.md §6).
/// </summary>
public sealed class OpenIdMetadata
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;

    public OpenIdMetadata(string metadataUrl, HttpClient httpClient)
    {
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        // Plain http only for an issuer on this machine (tests); anything else must be https.
        var requireHttps = !(uri.Scheme == Uri.UriSchemeHttp && ServiceUrlPolicy.IsLoopback(uri));
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClient) { RequireHttps = requireHttps })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
            RefreshInterval = TimeSpan.FromHours(1),
        };
        MetadataUrl = metadataUrl;
    }

    public string MetadataUrl { get; }

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) => _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>A token named a key we do not have: fetch the keys again (rate-limited by <see cref="ConfigurationManager{T}.RefreshInterval"/>).</summary>
    public void RequestRefresh() => _manager.RequestRefresh();
}
