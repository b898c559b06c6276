using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>One question and answer of a conversation: what a follow-up resolves against.</summary>
public sealed record ConversationTurn(
    string Question,
    QueryInterpretation Interpretation,
    IReadOnlyList<RowId> Retrieved,
    IReadOnlyList<RowId> Cited,
    string Answer,
    DateTimeOffset At);
