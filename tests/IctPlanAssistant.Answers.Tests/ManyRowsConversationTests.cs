using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.Tests;

/// <summary>
/// Answers about more rows than an answer lists or a conversation keeps (the bundled plan as twelve plans: 1,236
/// rows): the aggregate counts and sums every matching row, and a follow-up works on every one of them, not on the
/// rows kept.
/// </summary>
public sealed class ManyRowsConversationTests : IDisposable
{
    private const int Copies = 12;
    private readonly AssistantFixture _plans = AssistantFixture.OfPlans(Enumerable.Range(1, Copies).Select(i => $"p{i}"));

    public void Dispose() => _plans.Dispose();

    private static readonly int NewRows = AssistantFixture.PlanRows.Count(r => r.IsNew);

    private static readonly long Budget = AssistantFixture.PlanRows.Sum(r => r.BudgetThousandYen ?? 0);

    [Fact]
    public async Task A_sum_over_every_row_counts_and_adds_them_all_and_lists_only_the_first()
    {
        var answer = await _plans.Assistant.AskAsync(new AskRequest("全部の事業の事業費の合計は？", "sum"));

        var rows = AssistantFixture.PlanRows.Count * Copies;
        Assert.Contains($"（{rows}件）", answer.Text);
        Assert.Contains($"**{Budget * Copies:N0}千円**", answer.Text);
        Assert.Equal(rows, answer.AboutCount);
        Assert.True(answer.Citations.Count < rows);
        Assert.True(answer.About.Count <= RetrievalOptions.Default.AggregateRowLimit);
    }

    [Fact]
    public async Task A_follow_up_of_a_sum_over_more_rows_than_are_kept_works_on_every_one_of_them()
    {
        await _plans.Assistant.AskAsync(new AskRequest("全部の事業の事業費の合計は？", "follow"));

        var count = await _plans.Assistant.AskAsync(new AskRequest("そのうち新規の事業は何件？", "follow"));
        var largest = await _plans.Assistant.AskAsync(new AskRequest("全部の事業の事業費の合計は？", "largest"));
        largest = await _plans.Assistant.AskAsync(new AskRequest("その中で一番予算が大きいのは？", "largest"));

        Assert.Contains($"**{NewRows * Copies}件**", count.Text);
        Assert.Equal(NewRows * Copies, count.AboutCount);
        var top = AssistantFixture.PlanRows.Max(r => r.BudgetThousandYen);
        Assert.Contains($"{top:N0}千円", largest.Text);
    }
}
