using System.Text.Json;
using System.Text.Json.Serialization;

namespace IctPlanAssistant.Search.Suggestions;

/// <summary>What a suggestion completes the typed text to: a project's name, or a word the plan uses (in JSON: <c>name</c>, <c>word</c>).</summary>
[JsonConverter(typeof(SuggestionKindJsonConverter))]
public enum SuggestionKind
{
    /// <summary>A project (事業) name, as the plan writes it.</summary>
    Name,

    /// <summary>A word of the plan's text (a term of its name or body field).</summary>
    Word,
}

/// <summary>One suggestion: the text to put in the question box, its reading in hiragana, its kind, and how many rows have it.</summary>
public sealed record Suggestion(string Text, string Reading, SuggestionKind Kind, int Rows);

/// <summary>
/// The suggestions for what was typed. <see cref="From"/> is where, in the text as typed, the completed part starts:
/// picking a suggestion replaces the text from there on (0: the whole text; more when only its last part was
/// completed, as in <c>保健福祉部 たぶ</c>).
/// </summary>
public sealed record SuggestionResult(int From, IReadOnlyList<Suggestion> Suggestions)
{
    public static SuggestionResult None { get; } = new(0, []);
}

internal sealed class SuggestionKindJsonConverter() : JsonStringEnumConverter<SuggestionKind>(JsonNamingPolicy.CamelCase);
