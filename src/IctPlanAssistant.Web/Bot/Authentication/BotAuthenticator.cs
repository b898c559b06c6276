using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using IctPlanAssistant.Web.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace IctPlanAssistant.Web.Bot.Authentication;

/// <summary>
/// Validates the Bot Connector's JWT on a request, as the SDK's JwtTokenValidation does (PROTOCOL-NOTES.md §6):
/// a Bearer token from a known issuer, signed with RS256/384/512 by a key of that issuer's published set,
/// for this bot's app id, within its lifetime (5 minutes of clock skew); then, against the activity, the key's
/// channel endorsements and the <c>serviceurl</c> claim. Every failure is a <see cref="BotAuthenticationException"/>
/// whose reason is logged, never shown to the caller.
/// </summary>
public sealed class BotAuthenticator
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotOptions _options;
    private readonly OpenIdMetadata _botFramework;
    private readonly Lazy<OpenIdMetadata> _entra;
    private readonly HashSet<string> _entraIssuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BotAuthenticator(IOptions<BotOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        var http = httpClients.CreateClient(nameof(OpenIdMetadata));
        _botFramework = new OpenIdMetadata(_options.OpenIdMetadataUrl, http);
        var tenant = string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId) ? "common" : _options.MicrosoftAppTenantId.Trim();
        _entra = new Lazy<OpenIdMetadata>(() => new OpenIdMetadata(string.Format(BotAuthenticationConstants.EntraOpenIdMetadataUrlFormat, tenant), http));
        // Entra-issued tokens (emulator, skills, the Agents SDK's channels) come from the Bot Framework's tenant or the bot's own.
        var tenants = new[] { BotAuthenticationConstants.BotFrameworkTenantId, _options.MicrosoftAppTenantId }
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim());
        _entraIssuers = tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Validates the Authorization header: who signed the token, for whom, and when.</summary>
    public async Task<BotIdentity> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.Ordinal))
            throw new BotAuthenticationException("no Bearer token");
        var token = authorizationHeader[scheme.Length..].Trim();

        JsonWebToken unvalidated;
        try
        {
            unvalidated = _handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            throw new BotAuthenticationException("the token is not a JWT", e);
        }

        var issuer = unvalidated.Issuer;
        var metadata = issuer == BotAuthenticationConstants.BotFrameworkIssuer ? _botFramework
            : _entraIssuers.Contains(issuer) ? _entra.Value
            : throw new BotAuthenticationException($"issuer '{issuer}' is not trusted");

        var (validated, configuration) = await ValidateAsync(token, issuer, metadata, cancellationToken).ConfigureAwait(false);
        var claims = validated.ClaimsIdentity;
        var serviceUrl = claims.FindFirst(BotAuthenticationConstants.ServiceUrlClaim)?.Value;
        if (metadata == _botFramework && string.IsNullOrEmpty(serviceUrl))
            throw new BotAuthenticationException("the Bot Connector token has no serviceurl claim");
        if (metadata != _botFramework && FirstOf(claims, "azp", "appid") is null)
            throw new BotAuthenticationException("the Entra token names no calling app (azp/appid)");

        var key = ((JsonWebToken)validated.SecurityToken).Kid;
        var endorsements = Endorsements(configuration, key);
        return new BotIdentity(true, issuer, serviceUrl, endorsements);
    }

    /// <summary>Checks the activity against the token: the channel is one the signing key is endorsed for, and the serviceUrl is the one the token names.</summary>
    public static void Authorize(BotIdentity identity, Activity activity)
    {
        if (!identity.IsAuthenticated) return;
        if (identity.Endorsements is { } endorsed && (activity.ChannelId is not { Length: > 0 } channel || !endorsed.Contains(channel, StringComparer.Ordinal)))
            throw new BotAuthenticationException($"the signing key is not endorsed for channel '{activity.ChannelId}'");
        if (identity.ServiceUrlClaim is { } claimed && !string.Equals(claimed, activity.ServiceUrl, StringComparison.Ordinal))
            throw new BotAuthenticationException("the serviceUrl of the activity is not the one the token names");
    }

    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration Configuration)> ValidateAsync(
        string token, string issuer, OpenIdMetadata metadata, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
            {
                throw new BotAuthenticationException($"the signing keys of {metadata.MetadataUrl} are not available", e);
            }

            var result = await _handler.ValidateTokenAsync(token, Parameters(issuer, configuration)).ConfigureAwait(false);
            if (result.IsValid) return (result, configuration);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && attempt == 0)
            {
                // The issuer may have rotated its keys since we fetched them.
                metadata.RequestRefresh();
                continue;
            }
            throw new BotAuthenticationException("the token is not valid", result.Exception);
        }
    }

    private TokenValidationParameters Parameters(string issuer, OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer == BotAuthenticationConstants.BotFrameworkIssuer ? BotAuthenticationConstants.BotFrameworkIssuer : null,
        ValidIssuers = issuer == BotAuthenticationConstants.BotFrameworkIssuer ? null : _entraIssuers,
        ValidateAudience = true,
        ValidAudience = _options.MicrosoftAppId!.Trim(),
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = BotAuthenticationConstants.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
    };

    private static string? FirstOf(ClaimsIdentity claims, params string[] types) =>
        types.Select(t => claims.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>The channels the signing key is endorsed for (a JWKS extension of the Bot Framework); null when the key lists none.</summary>
    private static IReadOnlyList<string>? Endorsements(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null) return null;
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).OfType<string>().ToList(),
            _ => [],
        };
    }
}
