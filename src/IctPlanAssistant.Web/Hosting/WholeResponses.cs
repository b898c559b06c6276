namespace IctPlanAssistant.Web.Hosting;

/// <summary>
/// Sends each API response whole: buffered, then written with its Content-Length in one piece. A response streamed
/// in chunks leaves a window in which a host that dies (SIGKILL, out of memory) has sent the body but not the last
/// chunk; nginx then cannot retry the request on another host, since part of it already reached the client, and
/// the client sees a broken response. Server-sent events and the CSV export stream as before.
/// </summary>
internal static class WholeResponses
{
    public static IApplicationBuilder UseWholeResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsBuffered(context.Request))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        // Nothing written: leave the response to the status code pages (a problem body for a bare 4xx).
        if (response.HasStarted || buffer.Length == 0) return;
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });

    private static bool IsBuffered(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/api/search/csv")
        && !request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);
}
