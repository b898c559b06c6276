using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>
/// Plays the Bot Connector's token issuer: RSA keys made for the test, the JWKS it publishes (with the channels
/// each key is endorsed for) and real signed JWTs.
/// </summary>
public sealed class TestIssuer : IDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly RSA _main = RSA.Create(2048);
    private readonly RSA _unendorsed = RSA.Create(2048);
    private readonly RSA _unpublished = RSA.Create(2048);

    public RsaSecurityKey MainKey => new(_main) { KeyId = "main-key" };

    public RsaSecurityKey UnendorsedKey => new(_unendorsed) { KeyId = "unendorsed-key" };

    /// <summary>A key the JWKS does not list (a forger's, or one not yet published).</summary>
    public RsaSecurityKey UnpublishedKey => new(_unpublished) { KeyId = "unpublished-key" };

    public static readonly string[] Endorsements = ["msteams", "webchat", "directline", "emulator"];

    public JsonObject Jwks() => new()
    {
        ["keys"] = new JsonArray
        {
            PublicJwk(_main, "main-key", Endorsements),
            PublicJwk(_unendorsed, "unendorsed-key", ["some-other-channel"]),
        },
    };

    /// <summary>A token as Entra ID issues one (the emulator, an Agents SDK channel): version 1.0 names the calling app in <c>appid</c>, 2.0 in <c>azp</c>.</summary>
    public string EntraToken(string callingApp = AppId, string version = "2.0", string tenant = BotFrameworkTenant) =>
        Token(null, issuer: EntraIssuer(tenant, version), extraClaims: new Dictionary<string, object>
        {
            ["ver"] = version,
            [version == "1.0" ? "appid" : "azp"] = callingApp,
            ["tid"] = tenant,
        });

    public static JsonObject Metadata(Uri baseUri, string issuer = BotFrameworkIssuer) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = new Uri(baseUri, "unused").AbsoluteUri,
        ["jwks_uri"] = new Uri(baseUri, ".well-known/keys").AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    /// <summary>The Bot Framework's tenant, whose Entra tokens the emulator and the Agents SDK's channels carry.</summary>
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    public static string EntraIssuer(string tenant = BotFrameworkTenant, string version = "2.0") =>
        version == "1.0" ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>A token as the Bot Connector signs it, for <paramref name="serviceUrl"/>; the parameters spoil one thing at a time.</summary>
    public string Token(
        string? serviceUrl,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        DateTime? notBefore = null,
        DateTime? expires = null,
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (notBefore ?? now.AddSeconds(-10)),
            NotBefore = notBefore ?? now.AddSeconds(-10),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? MainKey, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public void Dispose()
    {
        _main.Dispose();
        _unendorsed.Dispose();
        _unpublished.Dispose();
    }

    private static JsonObject PublicJwk(RSA rsa, string kid, string[] endorsements)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
        };
    }
}
