using System.Globalization;
using System.Text;
using System.Text.Json;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Querying;
using Xunit.Abstractions;

namespace IctPlanAssistant.Answers.Tests.Robustness;

/// <summary>
/// The robustness suite of issue 10: every question of every set (tests/eval) said other ways, mechanically
/// (<see cref="QuestionVariants"/>), each asked in the conversation of its question (a follow-up after the same earlier
/// questions). A variant holds when its answer cites the same rows as the question's own answer. Target: 0.95 of the
/// variants hold. The variants that do not are written to the test output; the figures are in docs/evaluation.md.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed class RobustnessTests(AssistantFixture assistant, ITestOutputHelper output)
{
    public const double Target = 0.95;

    private static readonly string[] Sets = ["dev-questions.jsonl", "extra-questions.jsonl", "citizen-questions.jsonl"];

    private sealed record EvalQuestion(string Id, string Question, string? Context);

    [Fact]
    public async Task VariantsOfEveryQuestion_CiteTheSameRowsAsTheQuestion()
    {
        var variants = new QuestionVariants(MeCabModel.Shared, SynonymDictionary.Default, assistant.Get<Glossary>().EnglishStopWords);
        var held = new Dictionary<string, (int Held, int All)>();
        var losses = new StringBuilder();
        foreach (var set in Sets)
        {
            var questions = Read(set);
            var byId = questions.ToDictionary(q => q.Id);
            foreach (var q in questions)
            {
                var chain = ChainOf(q, byId);
                var original = await CitedAfter(chain, q.Question);
                foreach (var variant in variants.Of(q.Question))
                {
                    var cited = await CitedAfter(chain, variant.Question);
                    var same = cited.SetEquals(original);
                    var (h, a) = held.GetValueOrDefault(variant.Kind);
                    held[variant.Kind] = (h + (same ? 1 : 0), a + 1);
                    if (!same) losses.AppendLine($"{q.Id} {variant.Kind}: {variant.Question}  [{string.Join(",", original)}] → [{string.Join(",", cited)}]");
                }
            }
        }

        var total = (Held: held.Values.Sum(v => v.Held), All: held.Values.Sum(v => v.All));
        var share = (double)total.Held / total.All;
        foreach (var (kind, (h, a)) in held.OrderBy(k => k.Key))
            output.WriteLine($"{kind}: {h}/{a} = {((double)h / a).ToString("0.000", CultureInfo.InvariantCulture)}");
        output.WriteLine($"all: {total.Held}/{total.All} = {share.ToString("0.000", CultureInfo.InvariantCulture)}");
        output.WriteLine(losses.ToString());
        Assert.True(total.All > 400, $"only {total.All} variants were made");
        Assert.True(share >= Target, $"{share:0.000} of the variants cite the same rows (target {Target}):\n{losses}");
    }

    /// <summary>The earlier questions of the conversation a question is asked in, first first.</summary>
    private static List<string> ChainOf(EvalQuestion q, Dictionary<string, EvalQuestion> byId)
    {
        var chain = new List<string>();
        for (var c = q.Context; c is not null && byId.TryGetValue(c, out var earlier); c = earlier.Context) chain.Insert(0, earlier.Question);
        return chain;
    }

    /// <summary>The rows an answer cites when the question is asked after the earlier ones, in a conversation of its own.</summary>
    private async Task<HashSet<RowId>> CitedAfter(List<string> earlier, string question)
    {
        var conversation = earlier.Count == 0 ? null : "robustness-" + Guid.NewGuid().ToString("N");
        foreach (var e in earlier) await assistant.Assistant.AskAsync(new AskRequest(e, conversation));
        var answer = await assistant.Assistant.AskAsync(new AskRequest(question, conversation));
        return [.. answer.Citations];
    }

    private static List<EvalQuestion> Read(string set) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "eval", set))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => new EvalQuestion(e.GetProperty("id").GetString()!, e.GetProperty("question").GetString()!, e.TryGetProperty("context", out var c) ? c.GetString() : null))
            .ToList();
}
