using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace IctPlanAssistant.Answers.Prompts;

/// <summary>One prompt of <c>prompts/</c>: what the code calls it and the variables the code fills in.</summary>
public sealed record PromptSpec(string Name, IReadOnlyList<string> Variables)
{
    public static PromptSpec Answer { get; } = new("answer", ["rows", "facts", "history", "question", "language"]);

    public static PromptSpec Rewrite { get; } = new("rewrite", ["history", "question"]);

    public static PromptSpec FollowUps { get; } = new("followups", ["question", "answer", "language"]);

    public static PromptSpec Gloss { get; } = new("gloss", ["names"]);

    public static IReadOnlyList<PromptSpec> All { get; } = [Answer, Rewrite, FollowUps, Gloss];
}

/// <summary>
/// The prompt templates of <c>prompts/</c> (Semantic Kernel's prompt directory format: <c>NAME/skprompt.txt</c>, the
/// text, and <c>NAME/config.json</c>, its variables and model settings), loaded and checked once at start-up, so
/// that a missing file, a missing variable or a misspelt one stops the application with the file's name rather
/// than reaching a user as a broken answer.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string TemplateFile = "skprompt.txt";
    public const string ConfigFile = "config.json";

    private readonly Dictionary<string, KernelFunction> _functions;

    private PromptLibrary(string directory, Dictionary<string, KernelFunction> functions)
    {
        Directory = directory;
        _functions = functions;
    }

    public string Directory { get; }

    public KernelFunction this[PromptSpec spec] => _functions[spec.Name];

    /// <summary>The prompts folder copied beside the application (see the Answers project file).</summary>
    public static string DefaultDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "prompts");

    /// <exception cref="PromptFileException">A file is missing, unreadable or does not declare and use its variables.</exception>
    public static PromptLibrary Load(string? directory = null, IReadOnlyList<PromptSpec>? specs = null)
    {
        var root = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
        if (!System.IO.Directory.Exists(root))
            throw new PromptFileException(root, "the prompts folder does not exist (set AI:PromptsPath, or rebuild so that prompts/ is copied beside the application).");
        var functions = new Dictionary<string, KernelFunction>();
        foreach (var spec in specs ?? PromptSpec.All) functions[spec.Name] = LoadOne(root, spec);
        return new PromptLibrary(root, functions);
    }

    private static KernelFunction LoadOne(string root, PromptSpec spec)
    {
        var templatePath = System.IO.Path.Combine(root, spec.Name, TemplateFile);
        var configPath = System.IO.Path.Combine(root, spec.Name, ConfigFile);
        var template = Read(templatePath);
        var config = ReadConfig(configPath, Read(configPath));
        config.Name = spec.Name;
        config.Template = template;

        var declared = config.InputVariables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var used = VariableReference().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var name in spec.Variables)
        {
            if (!declared.Contains(name))
                throw new PromptFileException(configPath, $"the variable '{name}' is not declared in input_variables (the {spec.Name} prompt needs: {string.Join(", ", spec.Variables)}).");
            if (!used.Contains(name))
                throw new PromptFileException(templatePath, $"the variable {{{{${name}}}}} is not used; the {spec.Name} prompt must show it to the model.");
        }
        foreach (var name in used.Where(n => !spec.Variables.Contains(n)))
            throw new PromptFileException(templatePath, $"the variable {{{{${name}}}}} is not one the application fills in (it fills: {string.Join(", ", spec.Variables)}).");

        // The rows, the question and the history are data: their text is always encoded, never read as prompt
        // markup, whatever the file says (a question that contains </message><message role="system"> stays text).
        foreach (var variable in config.InputVariables) variable.AllowDangerouslySetContent = false;
        config.AllowDangerouslySetContent = false;

        try
        {
            return KernelFunctionFactory.CreateFromPrompt(config, new KernelPromptTemplateFactory());
        }
        catch (Exception e) when (e is KernelException or ArgumentException)
        {
            throw new PromptFileException(templatePath, $"the template cannot be read: {e.Message}", e);
        }
    }

    private static string Read(string path)
    {
        if (!File.Exists(path)) throw new PromptFileException(path, "the file is missing.");
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text)) throw new PromptFileException(path, "the file is empty.");
        return text;
    }

    private static PromptTemplateConfig ReadConfig(string path, string json)
    {
        try
        {
            return PromptTemplateConfig.FromJson(json);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or KernelException)
        {
            throw new PromptFileException(path, $"not a valid prompt configuration: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"\{\{\s*\$(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex VariableReference();
}
