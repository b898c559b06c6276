using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IctPlanAssistant.Bot.Authentication;

/// <summary>
/// How a channel's token is validated: ASP.NET Core's JwtBearer handler, one scheme per issuer (PROTOCOL-NOTES.md
/// §6). Both schemes: RS256/384/512 only, signed by a key of the issuer's published set (fetched again when a token
/// names an unknown key), for this bot's app id, within its lifetime and 5 minutes of clock skew. The Bot Connector's
/// tokens must also name a serviceUrl, and carry the channels their key is endorsed for to the adapter; Entra's must
/// come from a trusted tenant (the Bot Framework's or the bot's own), be of version 1.0 or 2.0, and be issued to this
/// bot itself (<c>appid</c>, or <c>azp</c> in 2.0), as the Bot Framework SDK's emulator validation requires.
/// </summary>
internal static class BotAuthentication
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>The endpoint's authorization policy: a token validated by the channel scheme.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(BotSchemes.Channel).RequireAuthenticatedUser().Build();

    public static void Add(IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddAuthentication()
            .AddPolicyScheme(BotSchemes.Channel, "Bot Framework channel", o => o.ForwardDefaultSelector = SchemeOf)
            .AddJwtBearer(BotSchemes.BotFramework, _ => { })
            .AddJwtBearer(BotSchemes.Entra, _ => { });
        services.AddOptions<JwtBearerOptions>(BotSchemes.BotFramework).Configure<IOptions<BotOptions>>((o, bot) => ConfigureBotFramework(o, bot.Value));
        services.AddOptions<JwtBearerOptions>(BotSchemes.Entra).Configure<IOptions<BotOptions>>((o, bot) => ConfigureEntra(o, bot.Value));
    }

    /// <summary>The scheme of the issuer the (not yet validated) token names; a token that is not a JWT fails in the first.</summary>
    private static string SchemeOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return BotSchemes.BotFramework;
        try
        {
            return new JsonWebToken(header["Bearer ".Length..].Trim()).Issuer == BotAuthenticationConstants.BotFrameworkIssuer
                ? BotSchemes.BotFramework
                : BotSchemes.Entra;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return BotSchemes.BotFramework;
        }
    }

    private static void ConfigureBotFramework(JwtBearerOptions o, BotOptions bot)
    {
        Common(o, bot, bot.OpenIdMetadataUrl);
        o.TokenValidationParameters.ValidIssuer = BotAuthenticationConstants.BotFrameworkIssuer;
        o.Events.OnTokenValidated = async context =>
        {
            var identity = (ClaimsIdentity)context.Principal!.Identity!;
            if (string.IsNullOrEmpty(identity.FindFirst(BotAuthenticationConstants.ServiceUrlClaim)?.Value))
            {
                context.Fail("the Bot Connector token has no serviceurl claim");
                return;
            }
            var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
            var endorsements = ChannelEndorsements.Of(configuration, (context.SecurityToken as JsonWebToken)?.Kid);
            identity.AddClaim(new Claim(BotClaims.EndorsementsListed, endorsements is null ? "false" : "true"));
            foreach (var channel in endorsements ?? []) identity.AddClaim(new Claim(BotClaims.Endorsement, channel));
        };
    }

    private static void ConfigureEntra(JwtBearerOptions o, BotOptions bot)
    {
        var tenants = new[] { BotAuthenticationConstants.BotFrameworkTenantId, bot.TenantId }.OfType<string>().Distinct().ToList();
        Common(o, bot, bot.EntraOpenIdMetadataUrl ?? string.Format(CultureInfo.InvariantCulture, BotAuthenticationConstants.EntraOpenIdMetadataUrlFormat, bot.TenantId ?? BotAuthenticationConstants.BotFrameworkTenantId));
        o.TokenValidationParameters.ValidIssuers = tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToList();
        o.Events.OnTokenValidated = context =>
        {
            var claims = context.Principal!;
            var version = claims.FindFirst("ver")?.Value;
            var caller = version switch
            {
                null or "1.0" => claims.FindFirst("appid")?.Value,
                "2.0" => claims.FindFirst("azp")?.Value,
                _ => null,
            };
            if (version is not (null or "1.0" or "2.0")) context.Fail($"the Entra token is of unknown version '{version}'");
            else if (!string.Equals(caller, bot.AppId, StringComparison.OrdinalIgnoreCase)) context.Fail($"the Entra token was issued to app '{caller}', not to this bot");
            return Task.CompletedTask;
        };
    }

    private static void Common(JwtBearerOptions o, BotOptions bot, string metadataUrl)
    {
        o.MetadataAddress = metadataUrl;
        // Plain http only for an issuer on this machine (tests); anything else must be https.
        o.RequireHttpsMetadata = !(Uri.TryCreate(metadataUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && ServiceUrlPolicy.IsLoopback(uri));
        // The SDK's key cache: every 24 hours, and at most once an hour when a token names a key that is not there.
        o.AutomaticRefreshInterval = TimeSpan.FromHours(24);
        o.RefreshInterval = TimeSpan.FromHours(1);
        o.RefreshOnIssuerKeyNotFound = true;
        o.MapInboundClaims = false;
        // A 401 says nothing about why: the reason is logged (OnAuthenticationFailed), never returned.
        o.IncludeErrorDetails = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = bot.AppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = BotAuthenticationConstants.ClockSkew,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
        };
        o.Events = new JwtBearerEvents
        {
            // Every refusal ends in a challenge, whether validation or one of the checks above failed: log it there.
            OnChallenge = context =>
            {
                Logger(context).LogWarning("Refused a request to /api/messages ({Scheme}): {Reason}", context.Scheme.Name, context.AuthenticateFailure?.Message ?? "no Bearer token");
                return Task.CompletedTask;
            },
        };
    }

    private static ILogger Logger<TOptions>(BaseContext<TOptions> context) where TOptions : AuthenticationSchemeOptions =>
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("IctPlanAssistant.Bot.Authentication");
}
