using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using OpenAI;

namespace IctPlanAssistant.Answers.AI;

/// <summary>
/// Builds the Semantic Kernel for the configured provider: a chat completion service, and an embedding generator
/// when <see cref="AiOptions.EmbeddingModel"/> is set, both sending through <paramref name="httpClient"/> (the
/// resilient client of <see cref="AiHttpClient"/>).
/// </summary>
// SKEXP0010: the embedding generators of the OpenAI connectors are marked experimental in Semantic Kernel 1.82;
// they are the connectors' only non-obsolete embedding API.
#pragma warning disable SKEXP0010
internal static class KernelFactory
{
    public static Kernel Create(AiOptions options, HttpClient httpClient, ILoggerFactory loggerFactory)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(loggerFactory);
        var model = options.Model!;
        switch (options.Provider)
        {
            case AiProvider.AzureOpenAI:
            {
                var client = new AzureOpenAIClient(new Uri(options.Endpoint!), new ApiKeyCredential(options.ApiKey!), Configure(new AzureOpenAIClientOptions(), httpClient));
                builder.AddAzureOpenAIChatCompletion(model, client);
                if (options.EmbeddingModel is { Length: > 0 } embedding) builder.AddAzureOpenAIEmbeddingGenerator(embedding, client);
                break;
            }
            case AiProvider.OpenAI or AiProvider.OpenAICompatible:
            {
                var clientOptions = Configure(new OpenAIClientOptions(), httpClient);
                if (options.Endpoint is { Length: > 0 } endpoint) clientOptions.Endpoint = new Uri(endpoint);
                // A local server needs no key, but the client insists on one: any text will do there.
                var key = string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey;
                var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
                builder.AddOpenAIChatCompletion(model, client);
                if (options.EmbeddingModel is { Length: > 0 } embedding) builder.AddOpenAIEmbeddingGenerator(embedding, client);
                break;
            }
            default:
                throw new InvalidOperationException($"AI:Provider {options.Provider} has no kernel.");
        }
        return builder.Build();
    }

    /// <summary>Sends through our HttpClient, whose pipeline retries; the SDK's own retries and time-out are off so
    /// that a failure is retried in one place, with one policy.</summary>
    private static T Configure<T>(T options, HttpClient httpClient) where T : ClientPipelineOptions
    {
        options.Transport = new HttpClientPipelineTransport(httpClient);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
        return options;
    }
}
