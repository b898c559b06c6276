using System.Text.Json.Serialization;

namespace IctPlanAssistant.Answers.Contracts;

/// <summary>
/// An answer as the batch contract writes it (DESIGN.md): <c>{"id","answer","citations","retrieved"}</c>, also the
/// output of <c>ictplan ask --json</c>. <see cref="Error"/> is set only for an input line that could not be answered.
/// </summary>
public sealed record AnswerLine(
    [property: JsonPropertyOrder(0)] string? Id,
    [property: JsonPropertyOrder(1)] string Answer,
    [property: JsonPropertyOrder(2)] IReadOnlyList<string> Citations,
    [property: JsonPropertyOrder(3)] IReadOnlyList<string> Retrieved)
{
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The answer's line: <c>retrieved</c> is the retrieval layer's whole ranked list, the matches then the near rows.</summary>
    public static AnswerLine From(string? id, Answer answer) =>
        new(id, answer.Text, answer.Citations.Select(c => c.ToString()).ToList(), answer.Retrieved.Concat(answer.Near.Select(r => r.Id)).Select(r => r.ToString()).ToList());

    public static AnswerLine Failed(string? id, string error) => new(id, "", [], []) { Error = error };
}

/// <summary>A batch input line: <c>{"id","question","conversation"}</c>.</summary>
public sealed record QuestionLine(string? Id, string? Question, string? Conversation);
