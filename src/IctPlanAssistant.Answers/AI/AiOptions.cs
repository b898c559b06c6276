namespace IctPlanAssistant.Answers.AI;

/// <summary>Which AI service writes answers; <see cref="None"/> keeps the built-in composer.</summary>
public enum AiProvider
{
    None,
    OpenAI,
    AzureOpenAI,

    /// <summary>Any server speaking the OpenAI chat API (Ollama, llama.cpp server, vLLM, LM Studio).</summary>
    OpenAICompatible,
}

/// <summary>
/// The <c>AI</c> configuration section. Every key is also an environment variable (<c>AI__Provider</c>);
/// appsettings.sample.json documents them. <see cref="ApiKey"/> is never logged.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "AI";

    public AiProvider Provider { get; set; } = AiProvider.None;

    /// <summary>The service's base address: required for Azure OpenAI (https://NAME.openai.azure.com/) and
    /// OpenAI-compatible servers (http://localhost:11434/v1); optional for OpenAI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model, or the deployment name on Azure OpenAI.</summary>
    public string? Model { get; set; }

    /// <summary>Required for OpenAI and Azure OpenAI; many local servers ignore it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>An embedding model (deployment on Azure): when set, retrieval fuses the Lucene ranking with
    /// embedding similarity. Empty: retrieval is Lucene alone.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>The folder of prompt files; empty for the <c>prompts/</c> copied beside the application.</summary>
    public string? PromptsPath { get; set; }

    /// <summary>The longest one answer may take, every retry and the whole stream included; then the built-in
    /// composer answers instead.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>The longest one HTTP attempt may wait for the service to start answering; then it is retried.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a request that failed with 429, 5xx, a network error or an attempt time-out.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially (with jitter). A Retry-After header wins.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>The circuit opens when this share of requests failed in the sampling window…</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…and at least this many requests were made in it…</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 4;

    public double CircuitBreakerSamplingSeconds { get; set; } = 30;

    /// <summary>…and stays open this long, answering from the built-in composer without calling the service.</summary>
    public double CircuitBreakerBreakSeconds { get; set; } = 30;

    /// <summary>The most rows given to the model with the question.</summary>
    public int MaxRowsForModel { get; set; } = 20;

    /// <summary>Let the model call the search_rows and aggregate functions (the model must support tool calls).</summary>
    public bool EnableTools { get; set; }

    /// <summary>Ask the model for follow-up questions (one more call per answer; the built-in ones otherwise).</summary>
    public bool SuggestFollowUps { get; set; } = true;

    /// <summary>When the words of a question find no row, have the model rewrite it (a follow-up into a standalone
    /// question, English into Japanese search words) and search again.</summary>
    public bool RewriteQueries { get; set; } = true;

    /// <summary>Hybrid retrieval: an embedding-only row joins the results only at this cosine similarity or above.</summary>
    public double EmbeddingMinSimilarity { get; set; } = 0.5;

    /// <summary>Hybrid retrieval: how many of the most similar rows are fused with the Lucene ranking.</summary>
    public int EmbeddingCandidates { get; set; } = 10;

    public bool Enabled => Provider != AiProvider.None;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>What is wrong with the settings, in words an operator can act on (empty when they are usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled) return problems;
        if (string.IsNullOrWhiteSpace(Model))
            problems.Add($"AI:Model is required when AI:Provider is {Provider} ({(Provider == AiProvider.AzureOpenAI ? "the deployment name" : "the model name")}).");
        if (Provider is AiProvider.AzureOpenAI or AiProvider.OpenAICompatible && string.IsNullOrWhiteSpace(Endpoint))
            problems.Add($"AI:Endpoint is required when AI:Provider is {Provider} (for example {(Provider == AiProvider.AzureOpenAI ? "https://NAME.openai.azure.com/" : "http://localhost:11434/v1")}).");
        if (!string.IsNullOrWhiteSpace(Endpoint) && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            problems.Add($"AI:Endpoint '{Endpoint}' is not an http(s) address.");
        if (Provider is AiProvider.OpenAI or AiProvider.AzureOpenAI && string.IsNullOrWhiteSpace(ApiKey))
            problems.Add($"AI:ApiKey is required when AI:Provider is {Provider} (set it with the environment variable AI__ApiKey or user secrets, not in a committed file).");
        if (TimeoutSeconds <= 0) problems.Add("AI:TimeoutSeconds must be more than 0.");
        if (AttemptTimeoutSeconds is < 0.01 or > 86_400) problems.Add("AI:AttemptTimeoutSeconds must be between 0.01 and 86400.");
        if (MaxRetries is < 0 or > 10) problems.Add("AI:MaxRetries must be between 0 and 10.");
        if (RetryDelaySeconds < 0) problems.Add("AI:RetryDelaySeconds must not be negative.");
        if (CircuitBreakerFailureRatio is <= 0 or > 1) problems.Add("AI:CircuitBreakerFailureRatio must be more than 0 and at most 1.");
        if (CircuitBreakerMinimumThroughput < 2) problems.Add("AI:CircuitBreakerMinimumThroughput must be at least 2.");
        if (CircuitBreakerSamplingSeconds < 0.5) problems.Add("AI:CircuitBreakerSamplingSeconds must be at least 0.5.");
        if (CircuitBreakerBreakSeconds < 0.5) problems.Add("AI:CircuitBreakerBreakSeconds must be at least 0.5.");
        if (MaxRowsForModel is < 1 or > 100) problems.Add("AI:MaxRowsForModel must be between 1 and 100.");
        if (EmbeddingCandidates < 1) problems.Add("AI:EmbeddingCandidates must be at least 1.");
        return problems;
    }

    /// <summary>The settings for a log line: the key shown only as set or not.</summary>
    public override string ToString() =>
        $"Provider={Provider}, Endpoint={Endpoint ?? "(default)"}, Model={Model}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}, EmbeddingModel={EmbeddingModel ?? "(none)"}";
}
