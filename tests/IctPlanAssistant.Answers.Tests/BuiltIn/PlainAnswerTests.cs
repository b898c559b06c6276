using System.Text.RegularExpressions;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers.Tests.BuiltIn;

/// <summary>
/// やさしい日本語 from the built-in composer, on real retrieval results of the bundled plan: the same rows cited as in
/// the standard answer, amounts in 億円/万円 beside the exact figure, short です/ます sentences, official terms explained
/// once; English answers do not change.
/// </summary>
[Collection(AssistantCollection.Name)]
public sealed partial class PlainAnswerTests(AssistantFixture assistant)
{
    private (Answer Standard, Answer Plain) Both(string question)
    {
        var (retrieval, standard) = assistant.Compose(question);
        return (standard, assistant.Composer.Compose(retrieval, AnswerStyle.Plain));
    }

    [Theory]
    [InlineData("保健福祉部でタブレットを使っている事業は？")]
    [InlineData("防災に関する事業の予算は？")]
    [InlineData("電子自治体の事業の事業費の合計は？")]
    [InlineData("事業費が最も多い事業は？")]
    [InlineData("新規の事業は何件？")]
    [InlineData("ドローンを導入した事業はありますか？")]
    [InlineData("宇宙ロケットの打ち上げ事業は？")]
    public void PlainJapanese_CitesExactlyTheRowsTheStandardAnswerCites(string question)
    {
        var (standard, plain) = Both(question);

        Assert.Equal(standard.Citations, plain.Citations);
        Assert.Equal(standard.About, plain.About);
        Assert.Equal(standard.NoMatch, plain.NoMatch);
        Assert.Equal(AssistantFixture.CitedInTextOrder(plain.Text), plain.Citations.Select(c => c.ToString()).ToList());
    }

    [Fact]
    public void ARowsBudget_IsIn億円_BesideTheExactFigure()
    {
        var (_, plain) = Both("保健福祉部でタブレットを使っている事業は？");

        Assert.Contains("事業費（この事業に使うお金）は約19億4千万円（1,943,682千円）です。", plain.Text);
        Assert.Contains("約1億2千万円（120,255千円）", plain.Text); // 3-8
    }

    [Fact]
    public void ASum_IsIn億円_BesideTheExactSum_InShortSentences()
    {
        var (standard, plain) = Both("電子自治体の事業の事業費の合計は？");
        var sum = Regex.Match(standard.Text, @"\*\*([\d,]+)千円\*\*").Groups[1].Value;

        Assert.Contains($"事業費（この事業に使うお金）の合計は **約16億3千万円**（{sum}千円）です。", plain.Text);
        Assert.Contains("事業費が書かれていない事業が2件あります。合計には入っていません。", plain.Text);
    }

    [Fact]
    public void EachOfficialTerm_IsExplainedOnce_InTheAnswersOwnWords()
    {
        var (_, plain) = Both("電子自治体の事業の事業費の合計は？");

        Assert.Equal(1, Count(plain.Text, "（この事業に使うお金）"));
        Assert.Equal(1, Count(plain.Text, "柱（計画の大きな分野）"));
        Assert.True(Count(plain.Text, "事業費") > 10); // used again and again, explained once
    }

    [Fact]
    public void AFollowUpForTheDivisions_NamesThemAndExplains担当課()
    {
        var (first, _) = Both("防災に関する事業の予算は？");
        var previous = new PreviousTurn(first.Interpretation, first.About);
        var retrieval = assistant.Search.Search(new SearchRequest("その担当課は？") { Previous = previous, CommonWordsOnlyRank = true });

        var plain = assistant.Composer.Compose(retrieval, AnswerStyle.Plain);

        Assert.Equal(first.Citations.Order(), plain.Citations.Order()); // the same rows, in id order
        Assert.Equal(1, Count(plain.Text, "担当課（その事業を受け持つ課）は"));
        Assert.Contains("担当課は危機管理部の災害対策課です。", plain.Text); // 3-15, after the first row's explanation
    }

    [Fact]
    public void Sentences_EndInです或ます_AndAreShort()
    {
        var (_, plain) = Both("防災に関する事業の予算は？");
        var own = plain.Text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('>') && !l.TrimStart().StartsWith("- 「", StringComparison.Ordinal));

        foreach (var sentence in own.SelectMany(l => Regex.Split(RemoveNames().Replace(l, ""), "(?<=。)")).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            Assert.Matches("(です|ます|ました|でした|ません)。$|）。$", sentence);
            Assert.True(sentence.Length <= 60, sentence);
        }
    }

    [Fact]
    public void NotFound_IsSaidOnce_InPlainWords()
    {
        var (_, plain) = Both("宇宙ロケットの打ち上げ事業は？");

        Assert.True(plain.NoMatch);
        Assert.Equal(1, Count(plain.Text, "ありませんでした"));
    }

    [Fact]
    public void EnglishQuestions_AreAnsweredAsInTheStandardStyle()
    {
        var (standard, plain) = Both("Which Health and Welfare projects use tablets?");

        Assert.Equal(standard.Text, plain.Text);
    }

    [Fact]
    public async Task TheAssistant_PassesTheStyleToTheComposer_AndANotFoundAnswerCarriesTheNearestWords()
    {
        var plain = await assistant.Assistant.AskAsync(new AskRequest("タブレツトの事業はある？", Style: AnswerStyle.Plain));

        Assert.True(plain.NoMatch);
        Assert.Empty(plain.Citations);
        Assert.Equal("タブレット", plain.NearestWords[0]);
        Assert.Contains("ほかの言葉で聞いてみてください。", plain.Text);

        var found = await assistant.Assistant.AskAsync(new AskRequest("タブレットの事業はある？", Style: AnswerStyle.Plain));
        Assert.Empty(found.NearestWords);
    }

    private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [GeneratedRegex(@"\*\*[^*]+\*\*")]
    private static partial Regex RemoveNames();
}
