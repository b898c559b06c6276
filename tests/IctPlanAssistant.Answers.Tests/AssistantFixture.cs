using System.Text.RegularExpressions;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Answers.Tests;

/// <summary>
/// The bundled plan ingested once into a real index in a temp directory, and the assistant built on it as every
/// host builds it (<see cref="PlanAssistantServiceCollectionExtensions.AddPlanAssistant"/>): real MeCab, the real
/// glossary, the built-in composer, the in-memory conversation store.
/// </summary>
public sealed partial class AssistantFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ictplan-answers-tests-").FullName;
    private readonly ServiceProvider _services;

    public AssistantFixture() : this([])
    {
    }

    private AssistantFixture(IReadOnlyList<string> sources)
    {
        var indexPath = Path.Combine(_dir, "index");
        new PlanIngestor(new IndexLocation(indexPath)).Ingest(PlanSource.Resolve(sources));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Index:Path", indexPath)])
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPlanAssistant(configuration)
            .BuildServiceProvider();
        Assistant = _services.GetRequiredService<PlanAssistant>();
        Interpreter = _services.GetRequiredService<QueryInterpreter>();
        Retriever = _services.GetRequiredService<PlanRetriever>();
        Search = _services.GetRequiredService<PlanSearch>();
        Composer = _services.GetRequiredService<BuiltInAnswerComposer>();
        Phrases = _services.GetRequiredService<AnswerPhrases>();
    }

    /// <summary>An assistant over the bundled plan ingested under each key, as plans of their own (<c>p1:1-2</c>…).</summary>
    public static AssistantFixture OfPlans(IEnumerable<string> keys) =>
        new(keys.Select(key => $"{key}={PlanSource.Resolve([]).Single().Path}").ToList());

    public PlanAssistant Assistant { get; }

    public QueryInterpreter Interpreter { get; }

    public PlanRetriever Retriever { get; }

    public PlanSearch Search { get; }

    public BuiltInAnswerComposer Composer { get; }

    public AnswerPhrases Phrases { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The rows of the bundled plan, parsed independently of the index.</summary>
    public static IReadOnlyList<PlanRow> PlanRows { get; } = new PlanDocumentParser().ParseFile(PlanSource.Resolve([]).Single().Path).Rows;

    public static PlanRow Row(string id) => PlanRows.Single(r => r.Id.ToString() == id);

    /// <summary>Retrieval as the assistant does it (20 rows), then the built-in composer.</summary>
    public (RetrievalResult Retrieval, Answer Answer) Compose(string question, PreviousTurn? previous = null)
    {
        var retrieval = Search.Search(new SearchRequest(question) { Previous = previous, CommonWordsOnlyRank = true });
        return (retrieval, Composer.Compose(retrieval));
    }

    /// <summary>The row ids of an answer's text, each at its first <c>[S-N]</c> (or <c>[S-N, S-N]</c>), read independently of CitationParser.</summary>
    public static List<string> CitedInTextOrder(string text) =>
        CitationBracket().Matches(text)
            .SelectMany(m => m.Groups[1].Value.Split([',', '、'], StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"\[(\d+-\d+(?:\s*[,、]\s*\d+-\d+)*)\]")]
    private static partial Regex CitationBracket();

    public void Dispose()
    {
        _services.Dispose();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Test classes that share one assistant on one real index.</summary>
[CollectionDefinition(Name)]
public sealed class AssistantCollection : ICollectionFixture<AssistantFixture>
{
    public const string Name = "assistant";
}
