using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.AI;

/// <summary>Fails start-up (the first use of the options, or host start) with every problem of the <c>AI</c> section.</summary>
internal sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
