using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Lucene.Net.Search;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// Latency of one turn of the retrieval layer over an existing index, question by question, as percentiles:
/// BenchmarkDotNet reports means of many calls, while a service is judged by its slow calls (p99). Each stage
/// is timed on its own: reading the question, retrieving (the answer's retrieval, without snippets), retrieving
/// with highlighted snippets (the staff search), and the built-in composer; beside them, as the baseline, a plain
/// Lucene search of the same words on the same index, measured question by question in the same run.
/// <code>dotnet run -c Release --project benchmarks/IctPlanAssistant.Benchmarks -- --latency INDEX [rounds] [--vary] [--cold]</code>
/// <para>
/// The rounds ask the same questions again, so whatever a snapshot keeps from one question to the next (looked-up terms,
/// the rows of common words' clauses) would make a repeated question look cheaper than a new one. <c>--vary</c> asks each
/// measured round in other words (a filler before the question, a different one each round, none of them asked in the
/// warm-up), so that nothing keyed on the question itself is reused; <c>--cold</c> forgets the rows of clauses kept for
/// the snapshot (<see cref="ClauseRows"/>) before every measured question, so each pays for its own clauses as if no
/// other question had been asked.
/// </para>
/// </summary>
internal static class TurnLatency
{
    public static void Run(string indexPath, int rounds, bool vary = false, bool cold = false)
    {
        var questions = Questions();
        using var index = PlanIndex.Open(indexPath);
        var glossary = Glossary.Load();
        var interpreter = new QueryInterpreter(glossary, index);
        var retriever = new PlanRetriever(index, PlanAnalyzers.Create());
        var composer = new BuiltInAnswerComposer(new AnswerPhrases(glossary));
        var answerOptions = RetrievalOptions.Default with { Highlight = false };
        var text = new TextQueryBuilder(PlanAnalyzers.Create());

        var warmUp = SteadyState.WarmUp(() =>
        {
            foreach (var q in questions)
            {
                var interpretation = interpreter.Interpret(q);
                composer.Compose(retriever.Retrieve(interpretation, answerOptions));
                retriever.Retrieve(interpretation, RetrievalOptions.Default);
                PlainLuceneSearch(index, text, interpretation, answerOptions.Top);
            }
        });
        Console.WriteLine($"Warm-up: {warmUp} rounds, until a round compiled no new method ({System.Runtime.JitInfo.GetCompiledMethodCount():N0} compiled in all).");

        var interpret = new List<double>();
        var retrieve = new List<double>();
        var search = new List<double>();
        var compose = new List<double>();
        var turn = new List<double>();
        var lucene = new List<double>();
        var retrieveCpu = new List<double>();
        var layerCpu = new List<double>();
        var clock = new Stopwatch();
        var perQuestion = new Dictionary<string, double>();
        var perQuestionCpu = new Dictionary<string, double>();
        var allocations = new Dictionary<string, long>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var asked in questions)
            {
                var question = vary ? Varied(asked, round) : asked;
                if (cold)
                {
                    using var current = index.Acquire();
                    ClauseRows.Forget(current.Searcher.IndexReader);
                }
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var c0 = ThreadCpu.Milliseconds();
                clock.Restart();
                var interpretation = interpreter.Interpret(question);
                var t1 = clock.Elapsed.TotalMilliseconds;
                var c1 = ThreadCpu.Milliseconds();
                var result = retriever.Retrieve(interpretation, answerOptions);
                var t2 = clock.Elapsed.TotalMilliseconds;
                var c2 = ThreadCpu.Milliseconds();
                retrieveCpu.Add(c2 - c1);
                layerCpu.Add(c2 - c0);
                allocations[asked] = allocations.GetValueOrDefault(asked) + (GC.GetAllocatedBytesForCurrentThread() - allocated) / rounds;
                composer.Compose(result);
                var t3 = clock.Elapsed.TotalMilliseconds;
                interpret.Add(t1);
                retrieve.Add(t2 - t1);
                perQuestion[asked] = perQuestion.GetValueOrDefault(asked) + (t2 - t1) / rounds;
                perQuestionCpu[asked] = perQuestionCpu.GetValueOrDefault(asked) + (c2 - c1) / rounds;
                compose.Add(t3 - t2);
                turn.Add(t3);
                clock.Restart();
                retriever.Retrieve(interpretation, RetrievalOptions.Default);
                search.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                PlainLuceneSearch(index, text, interpretation, answerOptions.Top);
                lucene.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        using var snapshot = index.Acquire();
        Console.WriteLine($"Index {indexPath}: {snapshot.Reader.NumDocs:N0} rows; {questions.Count} questions × {rounds} rounds = {turn.Count:N0} turns" +
                          (vary ? ", each round in other words (--vary)" : "") + (cold ? ", kept clause rows forgotten before each question (--cold)" : "") + ".");
        Console.WriteLine("stage                         p50 ms    p90 ms    p99 ms    max ms   mean ms");
        SteadyState.Print("Lucene search (baseline)", lucene);
        SteadyState.Print("read the question", interpret);
        SteadyState.Print("retrieve (answer)", retrieve);
        SteadyState.Print("retrieve + snippets (search)", search);
        SteadyState.Print("compose (built-in)", compose);
        SteadyState.Print("whole turn (read+retrieve+compose)", turn);
        SteadyState.Print("retrieval layer (read+retrieve)", interpret.Zip(retrieve, (a, b) => a + b).ToList());
        // The same two stages in this thread's CPU time: what the code costs, less the time the thread waited for a core
        // on a shared machine (garbage collections the thread does itself are counted; a background one is not).
        SteadyState.Print("retrieve (answer), thread CPU", retrieveCpu);
        SteadyState.Print("retrieval layer, thread CPU", layerCpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per turn (read+retrieve): mean {allocations.Values.Average() / 1024:0} KB, most {allocations.Values.Max() / 1024:0} KB"));
        var kept = ClauseRows.Of(snapshot.Searcher);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clause rows kept for the snapshot at the end: {kept.Count:N0} clauses, {kept.Bytes / 1048576.0:0.0} MB"));
        Console.WriteLine("slowest questions to retrieve (mean ms, KB allocated):");
        foreach (var (q, ms) in perQuestion.OrderByDescending(p => p.Value).Take(5)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.000}  {allocations[q] / 1024,6}  {q}"));
        // On a shared machine the wall clock's slowest are often the questions a core was taken from; the thread's CPU
        // time names the questions that cost the most.
        Console.WriteLine("slowest questions to retrieve in thread CPU (mean ms, KB allocated):");
        foreach (var (q, ms) in perQuestionCpu.OrderByDescending(p => p.Value).Take(8)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.000}  {allocations[q] / 1024,6}  {q}"));
    }

    /// <summary>
    /// The baseline: what a stock Lucene search of the same words costs on the same index, the question's term
    /// groups as SHOULD clauses of one BooleanQuery, the top rows by score; no filters, gate, facets or aggregate.
    /// </summary>
    private static int PlainLuceneSearch(PlanIndex index, TextQueryBuilder text, QueryInterpretation interpretation, int top)
    {
        using var snapshot = index.Acquire();
        var query = new BooleanQuery();
        foreach (var group in interpretation.Terms)
        {
            if (text.ForGroup(group) is { } clause) query.Add(clause, Occur.SHOULD);
        }
        if (query.Clauses.Count == 0) return 0;
        return snapshot.Searcher.Search(query, top).ScoreDocs.Length;
    }

    private static readonly string[] JapaneseFillers = ["すみません、", "ちょっと聞きたいんだけど、", "教えてほしいのですが、", "念のため確認ですが、", "質問です。"];

    private static readonly string[] EnglishFillers = ["Quick question: ", "Hi, ", "I was wondering: ", "Sorry to bother you, ", "One more thing: "];

    /// <summary>The question in other words for a measured round: a filler before it, a different one each round.</summary>
    private static string Varied(string question, int round)
    {
        var japanese = question.Any(c => IctPlanAssistant.Text.JapaneseCharacters.IsJapanese(c));
        var fillers = japanese ? JapaneseFillers : EnglishFillers;
        var filler = fillers[round % fillers.Length];
        return japanese || question.Length == 0 ? filler + question : filler + char.ToLowerInvariant(question[0]) + question[1..];
    }

    /// <summary>The questions of the evaluation sets (tests/eval), both languages, every kind.</summary>
    private static List<string> Questions()
    {
        var dir = Path.Combine(FindRepositoryRoot(), "tests", "eval");
        return new[] { "dev-questions.jsonl", "extra-questions.jsonl" }
            .SelectMany(f => File.ReadLines(Path.Combine(dir, f)))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
            .Where(q => Environment.GetEnvironmentVariable("LATENCY_QUESTIONS_CONTAINING") is not { Length: > 0 } only || q.Contains(only))
            .ToList();
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IctPlanAssistant.sln"))) return dir.FullName;
        throw new InvalidOperationException("run from within the repository");
    }
}

/// <summary>The calling thread's CPU time (Linux: clock_gettime of CLOCK_THREAD_CPUTIME_ID; NaN elsewhere).</summary>
internal static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static double Milliseconds() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuTimeClock, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : double.NaN;
}
