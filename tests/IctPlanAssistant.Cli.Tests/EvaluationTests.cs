using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IctPlanAssistant.Cli.Tests;

/// <summary>
/// The question sets of tests/eval answered by the real <c>ictplan batch</c> on an index built by
/// <c>ictplan ingest</c>, and scored by the project's scorer (<c>python3 tests/eval/score.py --json</c>):
/// once per test class, both sets at once.
/// </summary>
public sealed class EvaluationFixture : IAsyncLifetime
{
    public const string DevSet = "dev-questions.jsonl";
    public const string ExtraSet = "extra-questions.jsonl";
    public const string CitizenSet = "citizen-questions.jsonl";
    public const string NewcomerSet = "newcomer-questions.jsonl";

    private readonly TempDirectory _dir = new();

    /// <summary>Where the build copies tests/eval (the sets and score.py).</summary>
    public static string EvalDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "eval");

    public Dictionary<string, SetScore> Scores { get; } = [];

    public async Task InitializeAsync()
    {
        var index = Path.Combine(_dir.Path, "index");
        var ingest = await Ictplan.RunAsync(_dir.Path, "ingest", "--index", index);
        if (ingest.ExitCode != 0) throw new InvalidOperationException("ingest failed:\n" + ingest);
        var sets = await Task.WhenAll(new[] { DevSet, ExtraSet, CitizenSet, NewcomerSet }.Select(set => Score(set, index)));
        foreach (var score in sets) Scores[score.Set] = score;
    }

    private async Task<SetScore> Score(string set, string index)
    {
        var questions = Path.Combine(EvalDirectory, set);
        var input = Path.Combine(_dir.Path, set + ".in");
        var answers = Path.Combine(_dir.Path, set + ".out");
        var makeInput = await Python("--make-input", questions);
        File.WriteAllText(input, makeInput, new UTF8Encoding(false));
        var batch = await Ictplan.RunAsync(_dir.Path, "batch", "--input", input, "--output", answers, "--index", index);
        var scored = await Python("--questions", questions, "--answers", answers, "--json");
        return new SetScore(set, batch, JsonDocument.Parse(scored).RootElement.Clone());
    }

    /// <summary>Runs tests/eval/score.py with python3 (on the CI machines; see tests/eval/README.md).</summary>
    private static async Task<string> Python(params string[] args)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(EvalDirectory, "score.py"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The evaluation needs python3 on the PATH (it runs tests/eval/score.py).", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) throw new InvalidOperationException($"score.py {string.Join(' ', args)} exited {process.ExitCode}:\n{await stderr}");
            return await stdout;
        }
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>One question set's batch run and its scores (score.py --json: summary, missing_answers, per_question).</summary>
public sealed record SetScore(string Set, CliResult Batch, JsonElement Result)
{
    public double? Metric(string group, string metric) =>
        Result.GetProperty("summary").TryGetProperty(group, out var g) && g.GetProperty(metric).ValueKind == JsonValueKind.Number
            ? g.GetProperty(metric).GetDouble()
            : null;

    /// <summary>The questions that lost points, with their scores: what a failing assertion shows.</summary>
    public string Losses()
    {
        var sb = new StringBuilder();
        foreach (var q in Result.GetProperty("per_question").EnumerateObject())
        {
            var lost = q.Value.EnumerateObject().Where(m => m.Value.GetDouble() < 1).ToList();
            if (lost.Count > 0) sb.AppendLine($"  {q.Name}: " + string.Join(", ", lost.Select(m => $"{m.Name} {m.Value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture)}")));
        }
        return sb.Length == 0 ? "  (none)" : sb.ToString();
    }
}

/// <summary>
/// The quality targets of issues 3 and 10, held on the development set, the team's extra set and the citizen set
/// (overall, Japanese and English): recall@10 ≥ 0.95, nDCG@10 ≥ 0.90, citation precision and recall ≥ 0.90, figures present ≥ 0.90,
/// "none" answered without citations ≥ 0.90. Figures and weak spots: docs/evaluation.md.
/// </summary>
public sealed class EvaluationTests(EvaluationFixture evaluation) : IClassFixture<EvaluationFixture>
{
    public static readonly (string Metric, double Target)[] Targets =
    [
        ("R@10", 0.95), ("nDCG@10", 0.90), ("CitP", 0.90), ("CitR", 0.90), ("MC", 0.90), ("NoneOK", 0.90),
    ];

    /// <summary>
    /// Targets the current code does not meet on a set, as (set, group, metric): recorded in docs/evaluation.md and
    /// checked only against the figure recorded there, so they cannot slip further unnoticed. Empty: every target is met.
    /// </summary>
    private static readonly Dictionary<(string Set, string Group, string Metric), double> RecordedBelowTarget = [];

    public static TheoryData<string, string> SetsAndGroups => new()
    {
        { EvaluationFixture.DevSet, "overall" },
        { EvaluationFixture.DevSet, "lang:ja" },
        { EvaluationFixture.DevSet, "lang:en" },
        { EvaluationFixture.ExtraSet, "overall" },
        { EvaluationFixture.ExtraSet, "lang:ja" },
        { EvaluationFixture.ExtraSet, "lang:en" },
        { EvaluationFixture.CitizenSet, "overall" },
        { EvaluationFixture.CitizenSet, "lang:ja" },
        { EvaluationFixture.CitizenSet, "lang:en" },
        { EvaluationFixture.NewcomerSet, "overall" },
        { EvaluationFixture.NewcomerSet, "lang:ja" },
        { EvaluationFixture.NewcomerSet, "lang:en" },
    };

    [Theory]
    [InlineData(EvaluationFixture.DevSet)]
    [InlineData(EvaluationFixture.ExtraSet)]
    [InlineData(EvaluationFixture.CitizenSet)]
    [InlineData(EvaluationFixture.NewcomerSet)]
    public void Batch_AnswersEveryQuestionOfTheSet(string set)
    {
        var score = evaluation.Scores[set];

        Assert.True(score.Batch.ExitCode == 0, score.Batch.ToString());
        Assert.Empty(score.Result.GetProperty("missing_answers").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(SetsAndGroups))]
    public void Quality_MeetsTheTargets(string set, string group)
    {
        var score = evaluation.Scores[set];
        var misses = new List<string>();
        foreach (var (metric, target) in Targets)
        {
            if (score.Metric(group, metric) is not { } value) continue; // no question of the group has the metric
            var floor = RecordedBelowTarget.TryGetValue((set, group, metric), out var recorded) ? recorded : target;
            if (value + 1e-9 < floor) misses.Add($"{metric} {value:0.000} < {floor:0.00}");
        }

        Assert.True(misses.Count == 0, $"{set} {group}: {string.Join("; ", misses)}\nquestions that lost points:\n{score.Losses()}");
    }

    [Theory]
    [InlineData(EvaluationFixture.DevSet)]
    [InlineData(EvaluationFixture.ExtraSet)]
    [InlineData(EvaluationFixture.CitizenSet)]
    [InlineData(EvaluationFixture.NewcomerSet)]
    public void Quality_EachMetricIsMeasuredOverall(string set)
    {
        // A set that loses a kind of question (no "none" question, no must_contain) would hold the targets vacuously.
        var score = evaluation.Scores[set];

        Assert.All(Targets, t => Assert.NotNull(score.Metric("overall", t.Metric)));
    }
}
