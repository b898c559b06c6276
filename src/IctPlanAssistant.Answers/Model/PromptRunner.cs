using IctPlanAssistant.Answers.AI;
using IctPlanAssistant.Answers.Prompts;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace IctPlanAssistant.Answers.Model;

/// <summary>Runs the prompts of <c>prompts/</c> on the kernel: their model settings from config.json, the
/// function-calling choice from configuration, and the deadline of AI:TimeoutSeconds.</summary>
public sealed class PromptRunner(Kernel kernel, PromptLibrary prompts, IOptions<AiOptions> options)
{
    private readonly AiOptions _options = options.Value;

    public Kernel Kernel => kernel;

    public AiOptions Options => _options;

    public KernelFunction this[PromptSpec spec] => prompts[spec];

    /// <summary>The arguments of a prompt: its variables, with its settings (and function calling when asked).</summary>
    public KernelArguments Arguments(PromptSpec spec, IReadOnlyDictionary<string, string> variables, bool tools = false)
    {
        var function = prompts[spec];
        var configured = function.ExecutionSettings?.GetValueOrDefault(PromptExecutionSettings.DefaultServiceId)
                         ?? function.ExecutionSettings?.Values.FirstOrDefault();
        var settings = configured is null ? new OpenAIPromptExecutionSettings() : OpenAIPromptExecutionSettings.FromExecutionSettings(configured);
        if (settings.IsFrozen) settings = (OpenAIPromptExecutionSettings)settings.Clone();
        settings.FunctionChoiceBehavior = tools ? FunctionChoiceBehavior.Auto() : null;
        var arguments = new KernelArguments(settings);
        foreach (var (name, value) in variables) arguments[name] = value;
        return arguments;
    }

    /// <summary>The prompt's whole reply as text (for the short prompts: rewrite, follow-ups).</summary>
    public async Task<string> InvokeTextAsync(PromptSpec spec, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        var result = await kernel.InvokeAsync(prompts[spec], Arguments(spec, variables), deadline.Token).ConfigureAwait(false);
        return result.GetValue<ChatMessageContent>()?.Content ?? result.GetValue<string>() ?? "";
    }
}
