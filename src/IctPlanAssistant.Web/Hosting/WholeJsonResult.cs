using System.Text.Json;

namespace IctPlanAssistant.Web.Hosting;

/// <summary>
/// A JSON response written whole: serialised into a pooled buffer, then sent with its Content-Length in one write,
/// the same bytes and headers as <c>TypedResults.Ok(value)</c> with the same options (a test compares them). Under
/// <see cref="WholeResponses"/> that single write goes straight to the client instead of into a second buffer and
/// out again; the answer endpoints' JSON is a few kilobytes per request, written for every uncached answer.
/// </summary>
internal sealed class WholeJsonResult<T>(T value, JsonSerializerOptions options, int statusCode = StatusCodes.Status200OK)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    /// <summary>What <c>TypedResults.Ok</c> and <c>Results.Json</c> answer with.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int? StatusCode => statusCode;

    public string ContentType => JsonContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var body = Serialize(value, options);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = body.WrittenCount;
        await response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted);
    }

    /// <summary>The value's JSON as the serializer writes it with these options (the writer takes the options' encoder, indentation and depth).</summary>
    internal static PooledBufferWriter Serialize(T value, JsonSerializerOptions options)
    {
        // By the value's own type, as Results.Json and TypedResults.Ok write it.
        var typeInfo = options.GetTypeInfo(value?.GetType() ?? typeof(T));
        var buffer = new PooledBufferWriter();
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
            {
                Encoder = options.Encoder,
                Indented = options.WriteIndented,
                IndentCharacter = options.IndentCharacter,
                IndentSize = options.IndentSize,
                NewLine = options.NewLine,
                MaxDepth = options.MaxDepth,
                SkipValidation = true,
            });
            JsonSerializer.Serialize(writer, value, typeInfo);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }
}
