namespace IctPlanAssistant.Answers.Checking;

/// <summary>
/// What the checks made of a model's answer: the text with citations of rows the model was not given removed, the
/// citations left (in order of first mention), and, when the answer may not be shown, the figure that no cited row
/// supports.
/// </summary>
public sealed record AnswerCheck(string Text, IReadOnlyList<RowId> Citations, IReadOnlyList<RowId> RemovedCitations, Figure? UngroundedFigure)
{
    public bool Passed => UngroundedFigure is null;
}
