namespace IctPlanAssistant.Answers;

/// <summary>A question that cannot be answered as asked (empty, too long); the message is safe to show to the user.</summary>
public sealed class QuestionRejectedException(string message, QuestionProblem problem) : Exception(message)
{
    public QuestionProblem Problem { get; } = problem;
}

public enum QuestionProblem { Empty, TooLong }
