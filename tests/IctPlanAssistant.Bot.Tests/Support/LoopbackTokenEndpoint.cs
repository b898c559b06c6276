using IctPlanAssistant.Bot.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>Sends MSAL's requests for login.microsoftonline.com to a test's token endpoint instead (Entra is not reachable from the tests).</summary>
public static class LoopbackTokenEndpoint
{
    public static void Use(IServiceCollection services, ConnectorStub endpoint) =>
        services.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(() => new Redirect(endpoint.BaseUri));

    private sealed class Redirect(Uri target) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
