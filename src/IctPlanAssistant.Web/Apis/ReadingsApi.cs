using IctPlanAssistant.Search.Analysis.Readings;

namespace IctPlanAssistant.Web.Apis;

/// <summary>The body of POST /api/readings: the texts of a page to annotate.</summary>
public sealed record ReadingsApiRequest(IReadOnlyList<string?>? Texts);

/// <summary>For each text, in order, its segments: kanji with a reading in hiragana, or text as it is.</summary>
public sealed record ReadingsApiResponse(IReadOnlyList<IReadOnlyList<RubySegment>> Readings);

/// <summary>
/// POST /api/readings: the furigana of the chat and row pages. The pages send the text they show and build
/// <c>&lt;ruby&gt;</c> from the segments with DOM calls, so no markup travels and the CSP stays as it is.
/// </summary>
internal static class ReadingsApi
{
    public const int MaxTexts = 200;
    public const int MaxCharacters = 20_000;

    public static IEndpointRouteBuilder MapReadingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/readings", Annotate)
            .WithName("Readings")
            .WithSummary($"Readings (furigana) for up to {MaxTexts} texts of at most {MaxCharacters} characters in all.")
            .Accepts<ReadingsApiRequest>("application/json")
            .Produces<ReadingsApiResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            // Room for the characters written as \uXXXX escapes, as some JSON writers do.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxCharacters * 6L + 16 * 1024));
        return app;
    }

    private static IResult Annotate(ReadingsApiRequest request, ReadingAnnotator annotator)
    {
        var texts = request.Texts ?? [];
        if (texts.Count > MaxTexts || texts.Sum(t => t?.Length ?? 0) > MaxCharacters)
            return TypedResults.Problem($"at most {MaxTexts} texts of {MaxCharacters} characters in all", statusCode: StatusCodes.Status400BadRequest,
                title: "Too much text to annotate at once");
        return TypedResults.Ok(new ReadingsApiResponse(texts.Select(t => annotator.Annotate(t ?? "")).ToList()));
    }
}
