using IctPlanAssistant.Answers.Checking;
using IctPlanAssistant.Answers.Model;
using IctPlanAssistant.Answers.Tests.Support;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging;

namespace IctPlanAssistant.Answers.Tests.Checking;

public sealed class AnswerCheckerTests
{
    private static readonly PlanRow A = Row(1, 2, 1_943_682, "保健福祉部", isNew: false, results: "タブレット端末を導入し、相談件数は120件だった。");
    private static readonly PlanRow B = Row(3, 8, 25_000, "保健福祉部", isNew: true);
    private static readonly PlanRow C = Row(2, 5, 7_500, "農林水産部", isNew: true);
    private static readonly PlanRow NoBudget = Row(4, 1, null, "教育庁", isNew: false);

    private readonly CapturedLogs _logs = new();

    private AnswerCheck Check(string text, params PlanRow[] given) =>
        new AnswerChecker(new Logger<AnswerChecker>(LoggerFactory.Create(b => b.AddProvider(_logs)))).Check(text, new GroundedRows(given), Retrieval(given));

    [Fact]
    public void A_citation_of_a_row_not_given_to_the_model_is_removed_and_logged()
    {
        var check = Check("事業Aです [1-2][9-99]。事業Bです [3-8, 9-98]。", A, B);

        Assert.True(check.Passed);
        Assert.Equal("事業Aです [1-2]。事業Bです [3-8]。", check.Text);
        Assert.Equal([RowId.Parse("1-2"), RowId.Parse("3-8")], check.Citations);
        Assert.Equal([RowId.Parse("9-99"), RowId.Parse("9-98")], check.RemovedCitations);
        Assert.Contains(_logs.Warnings, w => w.Contains("9-99", StringComparison.Ordinal) && w.Contains("9-98", StringComparison.Ordinal));
    }

    [Fact]
    public void Citations_are_listed_in_order_of_first_mention()
    {
        var check = Check("[3-8] と [1-2]、再び [3-8]。", A, B);

        Assert.Equal([RowId.Parse("3-8"), RowId.Parse("1-2")], check.Citations);
    }

    [Theory]
    [InlineData("事業費は1,943,682千円です [1-2]。")]
    [InlineData("事業費は19億4,368万2千円です [1-2]。")]
    [InlineData("事業費は１，９４３，６８２千円です [1-2]。")]
    [InlineData("Its budget is 1,943,682 thousand yen [1-2].")]
    [InlineData("Its budget is ¥1,943,682 thousand [1-2].")]
    [InlineData("事業費：1,943,682 [1-2]")]
    public void A_cited_rows_budget_in_any_written_form_passes(string text)
    {
        Assert.True(Check(text, A, B).Passed);
    }

    [Theory]
    [InlineData("事業費は1,943,683千円です [1-2]。", "1,943,683千円")]
    [InlineData("事業費は約19億円です [1-2]。", "19億円")]
    [InlineData("Its budget is 1.9 billion yen [1-2].", "1.9 billion yen")]
    [InlineData("事業費：1,943,600 [1-2]", "1,943,600")]
    public void A_wrong_budget_fails_the_answer_with_that_figure_logged(string text, string figure)
    {
        var check = Check(text, A, B);

        Assert.False(check.Passed);
        Assert.Equal(figure, check.UngroundedFigure!.Text);
        Assert.Contains(_logs.Warnings, w => w.Contains(figure, StringComparison.Ordinal));
    }

    [Fact]
    public void A_budget_of_a_row_given_but_not_cited_fails()
    {
        Assert.False(Check("事業費は25,000千円です [1-2]。", A, B).Passed);
    }

    [Fact]
    public void The_exact_sum_of_cited_rows_passes()
    {
        Assert.True(Check("合計は1,976,182千円です [1-2][3-8][2-5]。", A, B, C).Passed);
        Assert.True(Check("[1-2] と [3-8] の合計は1,968,682千円です。", A, B, C).Passed);
    }

    [Fact]
    public void A_wrong_sum_fails()
    {
        var check = Check("合計は1,976,000千円です [1-2][3-8][2-5]。", A, B, C);

        Assert.False(check.Passed);
        Assert.Equal(1_976_000_000m, check.UngroundedFigure!.Value);
    }

    [Fact]
    public void A_sum_that_includes_a_row_not_cited_fails()
    {
        Assert.False(Check("合計は1,976,182千円です [1-2][3-8]。", A, B, C).Passed);
    }

    [Fact]
    public void Counts_of_the_cited_rows_and_of_their_groups_pass()
    {
        Assert.True(Check("該当は3件で、そのうち新規は2件です [1-2][3-8][2-5]。", A, B, C).Passed);
        Assert.True(Check("There are three projects; two new projects [1-2][3-8][2-5].", A, B, C).Passed);
    }

    [Fact]
    public void A_wrong_count_fails()
    {
        var check = Check("該当は5件です [1-2][3-8]。", A, B, C);

        Assert.False(check.Passed);
        Assert.Equal(FigureKind.Count, check.UngroundedFigure!.Kind);
    }

    [Fact]
    public void A_figure_printed_in_a_cited_row_passes()
    {
        Assert.True(Check("相談は120件でした [1-2]。", A).Passed);
    }

    [Fact]
    public void An_answer_without_figures_or_citations_passes_as_no_match()
    {
        var check = Check("計画にはその情報が見つかりませんでした。");

        Assert.True(check.Passed);
        Assert.Empty(check.Citations);
    }

    [Fact]
    public void Citation_digits_and_years_are_not_read_as_figures()
    {
        Assert.True(Check("2017年度の事業です [1-2][3-8]。", A, B).Passed);
    }

    private static RetrievalResult Retrieval(IReadOnlyList<PlanRow> rows) =>
        new(new QueryInterpretation { Question = "q" }, rows.Count,
            rows.Select(r => new RetrievedRow(r, 1f, 1, [])).ToList(), Facets.Empty,
            new RowAggregate(rows.Count, rows.Count(r => r.BudgetThousandYen is not null), rows.Sum(r => r.BudgetThousandYen ?? 0), rows, rows.Where(r => r.BudgetThousandYen is not null).ToList(), null, null));

    private static PlanRow Row(int section, int number, long? budget, string department, bool isNew, string results = "") =>
        new(null, section, $"柱{section}", number, isNew, $"事業{section}-{number}", "概要", budget,
            budget is null ? "—" : budget.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "計画どおり実施", results, department, [], "plan.txt", 1);
}
