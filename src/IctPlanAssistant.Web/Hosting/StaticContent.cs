using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace IctPlanAssistant.Web.Hosting;

/// <summary>
/// How the pages and wwwroot leave the host: Brotli or gzip as the browser accepts, and files revalidated by their
/// ETag (<c>Cache-Control: no-cache</c>; an unchanged file costs a 304 with no body). The file names carry no
/// fingerprint (the pages import their modules by plain name, and an import map would be an inline script, which the
/// CSP forbids), so a browser asks again rather than keep a file that a new version may have changed.
/// API responses are not compressed here: they may echo what a user typed beside other text (BREACH), and
/// <see cref="WholeResponses"/> sends them with their exact length.
/// </summary>
internal static class StaticContent
{
    public const string CacheControl = "no-cache";

    public static IServiceCollection AddStaticContent(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "text/javascript"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseStaticContent(this IApplicationBuilder app)
    {
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = CacheControl,
        });
        return app;
    }
}
