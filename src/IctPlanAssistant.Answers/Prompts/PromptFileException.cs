namespace IctPlanAssistant.Answers.Prompts;

/// <summary>A prompt file is missing or wrong; the message names the file and what to fix.</summary>
public sealed class PromptFileException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
}
