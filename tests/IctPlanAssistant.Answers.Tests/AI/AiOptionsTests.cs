using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Answers.Tests.AI;

[Collection(PlanIndexCollection.Name)]
public sealed class AiOptionsTests(PlanIndexFixture index)
{
    [Theory]
    [InlineData("OpenAICompatible", null, "m", null, "AI:Endpoint")]
    [InlineData("OpenAICompatible", "http://127.0.0.1:1/v1", null, null, "AI:Model")]
    [InlineData("AzureOpenAI", null, "deployment", "key", "AI:Endpoint")]
    [InlineData("OpenAI", null, "gpt-4o-mini", null, "AI:ApiKey")]
    [InlineData("OpenAICompatible", "localhost:11434", "m", null, "not an http(s) address")]
    public async Task Missing_or_wrong_settings_stop_start_up_with_the_key_to_fix(string provider, string? endpoint, string? model, string? key, string expected)
    {
        await using var assistant = Assistant.Create(index.IndexPath, [("AI:Provider", provider), ("AI:Endpoint", endpoint), ("AI:Model", model), ("AI:ApiKey", key)]);

        var e = Assert.Throws<OptionsValidationException>(() => assistant.Services.GetRequiredService<IAnswerComposer>());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_server_needs_no_key()
    {
        await using var assistant = Assistant.Create(index.IndexPath, [("AI:Provider", "OpenAICompatible"), ("AI:Endpoint", "http://127.0.0.1:1/v1"), ("AI:Model", "llama3")]);

        Assert.IsType<IctPlanAssistant.Answers.Model.ModelAnswerComposer>(assistant.Services.GetRequiredService<IAnswerComposer>());
    }

    [Fact]
    public async Task Azure_OpenAI_gets_the_model_composer()
    {
        await using var assistant = Assistant.Create(index.IndexPath, [("AI:Provider", "AzureOpenAI"), ("AI:Endpoint", "https://example.openai.azure.com/"), ("AI:Model", "gpt-4o"), ("AI:ApiKey", "k")]);

        Assert.IsType<IctPlanAssistant.Answers.Model.ModelAnswerComposer>(assistant.Services.GetRequiredService<IAnswerComposer>());
    }
}
