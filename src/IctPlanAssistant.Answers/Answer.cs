using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers;

/// <summary>Who wrote an answer.</summary>
public enum AnswerSource
{
    /// <summary>The built-in grounded composer (no AI service configured).</summary>
    BuiltIn,

    /// <summary>A language model, checked against the rows it was given.</summary>
    Model,

    /// <summary>The built-in composer, because the model failed or its answer did not pass the checks.</summary>
    Fallback,
}

/// <summary>
/// An answer to one question: Markdown text citing rows as <c>[S-N]</c>, the cited ids in order of first mention,
/// the cited rows, and the ranked ids the retrieval layer returned for the turn.
/// </summary>
public sealed record Answer
{
    public required string Question { get; init; }

    /// <summary>Markdown; every claim cites a row as <c>[S-N]</c>.</summary>
    public required string Text { get; init; }

    /// <summary>The ids the text cites, in order of first mention.</summary>
    public required IReadOnlyList<RowId> Citations { get; init; }

    /// <summary>The cited rows, in the order of <see cref="Citations"/>.</summary>
    public required IReadOnlyList<PlanRow> CitedRows { get; init; }

    /// <summary>The ranked ids (up to 20) of the rows the retrieval layer returned as the turn's matches.</summary>
    public required IReadOnlyList<RowId> Retrieved { get; init; }

    /// <summary>
    /// The rows the retrieval layer ranked after the matches, filling the places they left: they match some of the
    /// question, too little to answer it (<see cref="Search.Retrieval.RetrievalResult.Near"/>). Never cited and never
    /// what a follow-up works on; a page may offer them as related projects.
    /// </summary>
    public IReadOnlyList<PlanRow> Near { get; init; } = [];

    /// <summary>
    /// Every row the composer was given to cite: the ranked rows and the rows an aggregate counted (a sum may span
    /// more rows than <see cref="Retrieved"/> holds), and for a model, the rows its function calls returned. The text
    /// cites no other row.
    /// </summary>
    public IReadOnlyList<RowId> Given { get; init; } = [];

    /// <summary>
    /// Every row the answer is about, the cited ones first: more than it cites when it lists the first and counts the
    /// rest (ほか3件). A follow-up (そのうち…) works on these; the page can open them.
    /// </summary>
    public IReadOnlyList<RowId> About { get; init; } = [];

    /// <summary>
    /// How many rows the answer is about: more than <see cref="About"/> holds when they are too many to keep (a sum
    /// over thousands of rows keeps the first of them), so that a follow-up knows to work on the question instead.
    /// </summary>
    public int AboutCount { get; init; }

    public required QueryInterpretation Interpretation { get; init; }

    public QueryLanguage Language => Interpretation.Language;

    public AnswerSource Source { get; init; } = AnswerSource.BuiltIn;

    /// <summary>No row answers the question: the text says so and cites nothing.</summary>
    public bool NoMatch { get; init; }

    /// <summary>
    /// When the answer cites no row: the plan's words nearest to the question's words it has none of (ほうしゃのう →
    /// 放射線), closest first, to try instead. Never a word of the question itself.
    /// </summary>
    public IReadOnlyList<string> NearestWords { get; init; } = [];

    /// <summary>Questions the user may ask next.</summary>
    public IReadOnlyList<string> FollowUps { get; init; } = [];

    /// <summary>Something the user should know about how the answer was made (for example, that it is a fallback).</summary>
    public string? Notice { get; init; }

    public string? ConversationId { get; init; }
}

/// <summary>A piece of an answer being written (a model streams its tokens), or, last, the checked final answer.</summary>
public sealed record AnswerUpdate(string? TextDelta, Answer? Final)
{
    public static AnswerUpdate Delta(string text) => new(text, null);

    public static AnswerUpdate Done(Answer answer) => new(null, answer);
}
