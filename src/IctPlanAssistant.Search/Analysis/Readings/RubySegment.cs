using System.Text.Json.Serialization;

namespace IctPlanAssistant.Search.Analysis.Readings;

/// <summary>A piece of annotated text: kanji with its reading in hiragana, or (Reading null) text shown as it is.</summary>
public sealed record RubySegment(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reading = null);
