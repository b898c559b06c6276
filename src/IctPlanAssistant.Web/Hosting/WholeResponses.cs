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
        await using var buffer = new WholeBodyStream(original, response);
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
        if (buffer.PassedThrough || response.HasStarted || buffer.Buffered is not { Length: > 0 } buffered) return;
        response.ContentLength = buffered.Length;
        buffered.Position = 0;
        await buffered.CopyToAsync(original, context.RequestAborted);
    });

    private static bool IsBuffered(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/api/search/csv")
        && !request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// The body while the endpoint writes it: kept in memory, except a body written whole, in one write of exactly
    /// the Content-Length set before it (<see cref="WholeJsonResult{T}"/>), which is already what this middleware
    /// makes of a response and goes straight to the client.
    /// </summary>
    private sealed class WholeBodyStream(Stream original, HttpResponse response) : Stream
    {
        public MemoryStream? Buffered { get; private set; }

        public bool PassedThrough { get; private set; }

        private bool IsWhole(int count) => Buffered is null && !PassedThrough && count > 0 && response.ContentLength == count && !response.HasStarted;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (IsWhole(buffer.Length))
            {
                PassedThrough = true;
                original.Write(buffer);
                return;
            }
            // More after a whole body: the original stream refuses it as longer than its Content-Length, as it would have.
            if (PassedThrough) original.Write(buffer);
            else (Buffered ??= new MemoryStream()).Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (IsWhole(buffer.Length))
            {
                PassedThrough = true;
                return original.WriteAsync(buffer, cancellationToken);
            }
            if (PassedThrough) return original.WriteAsync(buffer, cancellationToken);
            (Buffered ??= new MemoryStream()).Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) Buffered?.Dispose();
            base.Dispose(disposing);
        }
    }
}
