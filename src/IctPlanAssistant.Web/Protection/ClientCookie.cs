using System.Security.Cryptography;

namespace IctPlanAssistant.Web.Protection;

/// <summary>
/// A random id per browser (<c>ictplan-client</c>, HttpOnly, SameSite=Lax, for the session), the client a web
/// request's rate limit counts against, so people behind one address (a library, a city office) are not one client.
/// It says nothing about the person and is used for nothing else. A request without it (a script) counts as its
/// address; one that invents a new id each time is held by the address's ceiling.
/// </summary>
internal static class ClientCookie
{
    public const string Name = "ictplan-client";

    public static IApplicationBuilder UseClientCookie(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (Read(context.Request) is null)
        {
            context.Response.Cookies.Append(Name, NewId(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
        }
        return next(context);
    });

    private const int IdBytes = 16;

    /// <summary>Ids drawn from the system's generator at once, per thread.</summary>
    private const int IdsPerDraw = 32;

    [ThreadStatic] private static byte[]? t_random;
    [ThreadStatic] private static int t_used;

    /// <summary>
    /// A new id: 16 bytes of the system's cryptographic generator, in hex. The bytes are drawn 32 ids at a time: each
    /// draw is a system call, and a client that keeps no cookie (a script) is given a new id with every request.
    /// </summary>
    internal static string NewId()
    {
        var random = t_random ??= new byte[IdBytes * IdsPerDraw];
        if (t_used == 0 || t_used == random.Length)
        {
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }
        var id = Convert.ToHexStringLower(random.AsSpan(t_used, IdBytes));
        random.AsSpan(t_used, IdBytes).Clear(); // an id handed out is not kept
        t_used += IdBytes;
        return id;
    }

    /// <summary>The browser and the address a request counts against.</summary>
    public static RateLimitKey KeyOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return new RateLimitKey(Read(http.Request) is { } client ? "web:" + client : "address:" + address, address);
    }

    /// <summary>The id when it is one this host could have made (32 hex digits); anything else is ignored.</summary>
    private static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower) ? value : null;
}
