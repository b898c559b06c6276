using System.Text.Json.Serialization;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Teams;

/// <summary>
/// The schema.org <c>Message</c> entity through which Teams shows an answer's AI-generated label and its native
/// citations (the Agents SDK's AIEntity; Teams docs "Bot messages with AI-generated content").
/// </summary>
public sealed record AiMessageEntity(
    [property: JsonPropertyName("additionalType")] IReadOnlyList<string>? AdditionalType,
    [property: JsonPropertyName("citation")] IReadOnlyList<CitationClaim>? Citation)
{
    [JsonPropertyName("type")] public string Type => EntityTypes.SchemaOrgMessage;

    [JsonPropertyName("@type")] public string AtType => "Message";

    [JsonPropertyName("@context")] public string Context => "https://schema.org";

    /// <summary>Empty: the message itself, in JSON-LD.</summary>
    [JsonPropertyName("@id")] public string AtId => "";

    public const string AiGeneratedContent = "AIGeneratedContent";
}

/// <summary>One citation: the <c>[n]</c> marker at <see cref="Position"/> in the text, and what Teams shows for it.</summary>
public sealed record CitationClaim(
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("appearance")] CitationAppearance Appearance)
{
    [JsonPropertyName("@type")] public string AtType => "Claim";
}

public sealed record CitationAppearance(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("abstract")] string Abstract,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string>? Keywords)
{
    [JsonPropertyName("@type")] public string AtType => "DigitalDocument";

    /// <summary>Teams' limits for a citation (Teams SDK CitationAppearance).</summary>
    public const int MaxNameLength = 80, MaxAbstractLength = 160, MaxKeywords = 3, MaxKeywordLength = 28;
}
