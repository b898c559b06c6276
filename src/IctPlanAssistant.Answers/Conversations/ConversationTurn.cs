using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>One question and answer of a conversation: what a follow-up resolves against.</summary>
public sealed record ConversationTurn(
    string Question,
    QueryInterpretation Interpretation,
    IReadOnlyList<RowId> Retrieved,
    IReadOnlyList<RowId> Cited,
    string Answer,
    DateTimeOffset At)
{
    /// <summary>Every row the answer was about (<see cref="Answers.Answer.About"/>): what そのうち… works on.</summary>
    public IReadOnlyList<RowId> About { get; init; } = [];

    /// <summary>How many rows the answer was about (<see cref="Answers.Answer.AboutCount"/>); <see cref="About"/> may hold fewer.</summary>
    public int AboutCount { get; init; }

    /// <summary>What a follow-up of this turn resolves against.</summary>
    public PreviousTurn AsPrevious() => new(Interpretation, Rows) { Count = Math.Max(AboutCount, Rows.Count), Shown = Cited };

    /// <summary>The rows a follow-up of this turn works on: those the answer was about, else those it cited, else those retrieved.</summary>
    public IReadOnlyList<RowId> Rows => About.Count > 0 ? About : Cited.Count > 0 ? Cited : Retrieved;
}
