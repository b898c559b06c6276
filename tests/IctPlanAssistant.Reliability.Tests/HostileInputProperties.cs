using System.Net;
using System.Net.Http.Json;
using FsCheck;
using FsCheck.Fluent;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Suggestions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Reliability.Tests;

/// <summary>A real index of the bundled plan and the assistant over it, shared by the property tests.</summary>
public sealed class AssistantFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public AssistantFixture()
    {
        new PlanIngestor(new IndexLocation(_directory.Combine("index"))).Ingest(PlanSource.Resolve([RepositoryPaths.BundledPlan]));
        Index = PlanIndex.Open(_directory.Combine("index"));
        var glossary = Glossary.Load();
        Interpreter = new QueryInterpreter(glossary, Index);
        Retriever = new PlanRetriever(Index, PlanAnalyzers.Create());
        Assistant = new PlanAssistant(
            new PlanSearch(Interpreter, Retriever),
            new BuiltInAnswerComposer(new AnswerPhrases(glossary)),
            new MemoryConversationStore(Options.Create(new ConversationOptions())),
            Options.Create(new AssistantOptions()),
            NullLogger<PlanAssistant>.Instance);
    }

    public PlanIndex Index { get; }

    public QueryInterpreter Interpreter { get; }

    public PlanRetriever Retriever { get; }

    public PlanAssistant Assistant { get; }

    public void Dispose()
    {
        Index.Dispose();
        _directory.Dispose();
    }
}

/// <summary>Random and hostile input never crashes the parser, query understanding, retrieval, answers or the HTTP API.</summary>
public sealed class HostileInputProperties(AssistantFixture fixture) : IClassFixture<AssistantFixture>
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void Parser_OnHostileCells_ReadsTheRowOrReportsAFormatError()
    {
        var header = "整理番号\t新規\t名称\t概要\t事業費（千円）\t目標の達成度\t実績\t部局等名\t担当課";
        var cells = HostileInput.Text(6).Generator;
        var documents = Gen.ArrayOf(cells, 9).Select(row => $"1 復興への取組\n\n{header}\n1\t{string.Join('\t', row)}\n").ToArbitrary();
        Check.One(Runs, Prop.ForAll(documents, text =>
        {
            try
            {
                var document = new PlanDocumentParser().Parse(text, "hostile.txt");
                return document.Rows.All(r => r.Name.Length < 10_000);
            }
            catch (PlanFormatException e)
            {
                return e.Errors.All(error => error.Source == "hostile.txt" && error.Line > 0);
            }
        }));
    }

    [Fact]
    public void QueryUnderstandingAndRetrieval_OnHostileQuestions_NeverThrow()
    {
        Check.One(Runs, Prop.ForAll(HostileInput.Text(), question =>
        {
            var interpretation = fixture.Interpreter.Interpret(question);
            var result = fixture.Retriever.Retrieve(interpretation);
            return result.Rows.Count <= RetrievalOptions.Default.Top;
        }));
    }

    [Fact]
    public void Suggester_OnHostileText_NeverThrows_AndCompletesOnlyWhatWasTyped()
    {
        var suggester = new PlanSuggester(fixture.Index, ReadingAnnotator.Load());
        Check.One(Runs, Prop.ForAll(HostileInput.Text(), text =>
        {
            // Whole, and cut to the length the API takes (the suggester refuses longer text).
            var result = suggester.Suggest(text[..Math.Min(text.Length, PlanSuggester.MaxInput)]);
            return suggester.Suggest(text).Suggestions.Count <= PlanSuggester.DefaultLimit
                && result.Suggestions.Count <= PlanSuggester.DefaultLimit
                && result.From >= 0 && result.From <= text.Length;
        }));
    }

    [Fact]
    public void QueryUnderstanding_OfAMillionCharacters_Completes()
    {
        foreach (var seed in new[] { 1, 2 })
        {
            var interpretation = fixture.Interpreter.Interpret(HostileInput.Huge(seed));
            fixture.Retriever.Retrieve(interpretation);
        }
    }

    [Fact]
    public void Assistant_OnHostileQuestions_AnswersOrRejectsPolitely()
    {
        Check.One(Runs, Prop.ForAll(HostileInput.Text(), question =>
        {
            try
            {
                var answer = fixture.Assistant.AskAsync(new AskRequest(question, "hostile")).GetAwaiter().GetResult();
                // Never a citation of a row the retrieval layer did not return (ranked, or counted by an aggregate).
                return answer.Citations.All(answer.Given.Contains)
                    && answer.Retrieved.All(answer.Given.Contains)
                    && answer.CitedRows.Select(r => r.Id).SequenceEqual(answer.Citations);
            }
            catch (QuestionRejectedException)
            {
                return true;
            }
        }));
    }

    [Fact]
    public async Task HttpApi_OnHostileInput_NeverAnswersWithAServerError()
    {
        using var work = new TempDirectory();
        await using var host = await WebHostProcess.StartAsync(work.Path, new Dictionary<string, string> { ["Index__Path"] = work.Combine("index") });
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        var samples = HostileInput.Text().Generator.Sample(60).Append(HostileInput.Huge(3)).ToList();
        var failures = new List<string>();
        foreach (var text in samples)
        {
            var checks = new List<Func<Task<HttpResponseMessage>>>
            {
                () => client.PostAsJsonAsync("/api/ask", new { question = text, conversation = "hostile" }),
                () => client.GetAsync("/api/search?q=" + Uri.EscapeDataString(ToValidUtf16(text))),
                () => client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(ToValidUtf16(text))),
                () => client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(ToValidUtf16(text[..Math.Min(text.Length, 100)]))),
                () => client.GetAsync("/api/rows/" + Uri.EscapeDataString(ToValidUtf16(text[..Math.Min(text.Length, 200)]))),
                () => client.PostAsync("/api/ask", new StringContent(text, System.Text.Encoding.UTF8, "application/json")),
            };
            foreach (var check in checks)
            {
                HttpResponseMessage response;
                try
                {
                    response = await check();
                }
                catch (HttpRequestException) when (System.Text.Encoding.UTF8.GetByteCount(text) > IctPlanAssistant.Web.Apis.AskApi.MaxRequestBytes)
                {
                    // Refused before it was read: the host answers 413 (or 414 for the URL) and closes the connection,
                    // and a client still sending the rest may see the close (a broken pipe) instead of that answer.
                    continue;
                }
                using (response)
                {
                    if ((int)response.StatusCode >= 500) failures.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    /// <summary>A URL cannot carry a lone surrogate: replace it, as a browser would.</summary>
    private static string ToValidUtf16(string text) =>
        System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));
}
