using IctPlanAssistant.Answers.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Tests.Support;

/// <summary>
/// The assistant as hosts build it (AddPlanAssistant over configuration), on the test index, with settings that
/// keep resilience tests fast: short back-off, a short attempt time-out.
/// </summary>
public sealed class Assistant : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Assistant(ServiceProvider services, CapturedLogs logs)
    {
        _services = services;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _services;

    public PlanAssistant PlanAssistant => _services.GetRequiredService<PlanAssistant>();

    public IAnswerComposer Composer => _services.GetRequiredService<IAnswerComposer>();

    public static Assistant WithModel(string indexPath, Uri endpoint, params (string Key, string? Value)[] settings) =>
        Create(indexPath, [
            ("AI:Provider", "OpenAICompatible"),
            ("AI:Endpoint", endpoint.ToString()),
            ("AI:Model", "test-model"),
            ("AI:ApiKey", "sk-test-secret-key-0123456789"),
            ("AI:MaxRetries", "2"),
            ("AI:RetryDelaySeconds", "0.01"),
            ("AI:AttemptTimeoutSeconds", "1"),
            ("AI:TimeoutSeconds", "20"),
            ("AI:SuggestFollowUps", "false"),
            .. settings,
        ]);

    public static Assistant Create(string indexPath, IEnumerable<(string Key, string? Value)> settings)
    {
        // Later settings win, as a later configuration source does.
        var merged = new Dictionary<string, string?> { ["Index:Path"] = indexPath };
        foreach (var (key, value) in settings) merged[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddPlanAssistant(configuration);
        return new Assistant(services.BuildServiceProvider(), logs);
    }

    public Task<Answer> AskAsync(string question, string? conversation = null) =>
        PlanAssistant.AskAsync(new AskRequest(question, conversation));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
