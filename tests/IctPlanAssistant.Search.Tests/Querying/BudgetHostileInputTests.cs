using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>
/// Budget conditions read from hostile questions: runs of digits and kanji numerals that once made the budget
/// expression backtrack for minutes (26 ones took 4 s, 500 kept a core busy for good), and amounts beyond any
/// budget that once overflowed into a 500.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class BudgetHostileInputTests(BundledIndexFixture index)
{
    /// <summary>Generous: the inputs below are read in milliseconds; before the fix, 28 digits took 18 s.</summary>
    // Generous: the catastrophic backtracking this guards against took minutes; a loaded CI machine may take a second or two.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly string[] Pieces =
    [
        "１", ",", ".", " ", "一", "二", "十", "百", "千", "万", "億", "兆", "千万", "円", "以上", "未満", "を超える", "over ", " million", " yen",
    ];

    /// <summary>A run of up to 120 digits (commas and points among them), or one of the pieces around numbers.</summary>
    private static readonly Gen<string> Segment = Gen.OneOf(
        Gen.Elements("0123456789,.".ToCharArray()).ArrayOf().Where(d => d.Length is > 0 and <= 120).Select(d => "1" + new string(d)),
        Gen.Elements(Pieces));

    [Fact]
    public void A_long_run_of_digits_with_no_yen_is_read_at_once()
    {
        var question = new string('1', 500);

        var elapsed = TimeToInterpret(question);

        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Fact]
    public void Random_runs_of_digits_and_kanji_numerals_are_read_in_bounded_time()
    {
        var runs = Segment.ListOf().Where(p => p.Count is > 0 and <= 12).Select(p => string.Concat(p));
        Prop.ForAll(runs.ToArbitrary(), question =>
        {
            var elapsed = TimeToInterpret(question);
            Assert.True(elapsed < Bound, $"{question.Length} characters took {elapsed}: {question}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Theory]
    [InlineData("111111111111111111111111円以上")]
    [InlineData("9999999999999兆円以上の事業")]
    [InlineData("over 100000000000000 billion yen")]
    [InlineData("100000000000000000000000000000000000000000円未満の事業")]
    [InlineData("projects of 99999999999999999999999999999999 trillion yen or more")]
    public void An_amount_beyond_any_budget_is_a_condition_no_row_meets_not_an_error(string question)
    {
        var q = index.Interpreter.Interpret(question);

        Assert.NotNull(q.Budget);
    }

    [Theory]
    [InlineData("0.0000000000000000000000001兆円以上の事業")] // found by the property above: once an OverflowException
    [InlineData("1.00000000000000000000000001億円以上")]
    [InlineData("projects of 0.0000000000000000000000001 trillion yen or more")]
    public void A_tiny_fraction_of_a_large_unit_is_an_amount_not_an_error(string question)
    {
        Assert.NotNull(index.Interpreter.Interpret(question).Budget);
    }

    [Fact]
    public void A_minimum_beyond_any_budget_finds_no_row_and_a_maximum_beyond_any_budget_excludes_none()
    {
        Assert.Equal(long.MaxValue, index.Interpreter.Interpret("111111111111111111111111円以上").Budget!.Min);
        Assert.Equal(long.MaxValue, index.Interpreter.Interpret("111111111111111111111111円未満").Budget!.Max);
    }

    [Theory]
    [InlineData("١٠٠万円以上の事業")] // Arabic-Indic digits: a \d, but no number decimal.Parse reads
    [InlineData("over ١٠٠ million yen")]
    public void Digits_of_other_scripts_are_not_read_as_an_amount(string question)
    {
        Assert.Null(index.Interpreter.Interpret(question).Budget);
    }

    /// <summary>How long reading the question took; the reading runs apart, so a runaway is cut off at the bound (and fails).</summary>
    private TimeSpan TimeToInterpret(string question)
    {
        // What is read once per index generation (names, readings) is not what the bound is about.
        index.Interpreter.Interpret("予算");
        var clock = Stopwatch.StartNew();
        var reading = Task.Run(() => index.Interpreter.Interpret(question));
        return reading.Wait(Bound * 30) ? clock.Elapsed : TimeSpan.MaxValue;
    }
}
