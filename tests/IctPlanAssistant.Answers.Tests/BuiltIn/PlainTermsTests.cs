using IctPlanAssistant.Answers.BuiltIn;

namespace IctPlanAssistant.Answers.Tests.BuiltIn;

/// <summary>Official terms explained once, in the answer's own words only, from data/glossary/plain-terms.tsv.</summary>
public sealed class PlainTermsTests
{
    private static readonly PlainTerms Terms = new([("事業費", "この事業に使うお金"), ("部局", "県の中の大きな部署"), ("部局等名", "部局の名前"), ("達成度", "目標がどこまでできたか")]);

    [Fact]
    public void ATerm_IsExplainedAtItsFirstUseOnly() =>
        Assert.Equal("事業費（この事業に使うお金）は1万円です。事業費の合計です。", Terms.Explain("事業費は1万円です。事業費の合計です。"));

    [Fact]
    public void TheLongerTerm_IsExplainedAsOneWord() =>
        Assert.Equal("部局等名（部局の名前）です。", Terms.Explain("部局等名です。"));

    [Fact]
    public void QuotedPlanText_AndNamesAndCitations_StayAsPrinted()
    {
        const string text = "**達成度調査事業** [1-2]\n> 事業費は達成度で決まる。\n  - 「部局で達成度を測る」\n達成度は高いです。";

        var explained = Terms.Explain(text);

        Assert.Equal("**達成度調査事業** [1-2]\n> 事業費は達成度で決まる。\n  - 「部局で達成度を測る」\n達成度（目標がどこまでできたか）は高いです。", explained);
    }

    [Fact]
    public void AMeaningAlreadyWrittenBeside_IsNotSaidTwice() =>
        Assert.Equal("達成度（目標がどこまでできたか）です。", Terms.Explain("達成度（目標がどこまでできたか）です。"));

    [Fact]
    public void TheBundledFile_ExplainsTheIssuesTerms()
    {
        var terms = PlainTerms.Load().Terms.ToDictionary(t => t.Term, t => t.Meaning);

        Assert.Equal("目標がどこまでできたか", terms["達成度"]);
        foreach (var term in new[] { "事業概要", "部局", "担当課", "新規", "事業費", "予算", "柱" }) Assert.True(terms.ContainsKey(term), term);
    }
}
