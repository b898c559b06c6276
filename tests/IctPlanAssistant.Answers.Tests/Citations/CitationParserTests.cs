using IctPlanAssistant.Answers.Citations;

namespace IctPlanAssistant.Answers.Tests.Citations;

/// <summary>Reading the [S-N] citations of an answer, and removing the ones an answer may not make.</summary>
public sealed class CitationParserTests
{
    private static List<string> Extract(string text) => CitationParser.Extract(text).Select(id => id.ToString()).ToList();

    [Fact]
    public void Extract_GivesIdsInOrderOfFirstMentionEachOnce()
    {
        Assert.Equal(["3-8", "1-2", "5-26"], Extract("A [3-8]. B [1-2]. A again [3-8]. C [5-26]."));
    }

    [Fact]
    public void Extract_ReadsSeveralIdsInOneBracketWithEitherComma()
    {
        Assert.Equal(["1-2", "3-8", "4-1"], Extract("合計 [1-2, 3-8]、[4-1、1-2]"));
    }

    [Fact]
    public void Extract_ReadsPlanPrefixedIds()
    {
        Assert.Equal(["2017:1-2", "2018:1-2"], Extract("[2017:1-2] [2018:1-2]"));
    }

    [Theory]
    [InlineData("事業費 1,943,682千円")]
    [InlineData("H29年度 (1-2月)")]
    [InlineData("[a-b] [1-] [-2] [12345-1]")]
    [InlineData("")]
    public void Extract_IgnoresTextThatIsNotACitation(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void Rewrite_RemovesTheIdsNotKeptAndEmptyBrackets()
    {
        var text = CitationParser.Rewrite("A [1-2, 9-9]. B [9-9]. C [3-8].", id => id.Section != 9);

        Assert.Equal("A [1-2]. B . C [3-8].", text);
    }

    [Theory]
    [InlineData("[1-2]", "1-2")]
    [InlineData("[ 1-2、 3-8 , 1-2 ]", "1-2 3-8")]
    [InlineData("[2017:1-2]", "2017:1-2")]
    [InlineData("[1-2", "")]
    [InlineData("[a-b]", "")]
    [InlineData("[see 1-2]", "")]
    [InlineData("[x [1-2]", "")]
    [InlineData("[]", "")]
    public void WholeBracket_GivesTheIdsOnlyWhenOneCitationIsAllOfTheText(string bracket, string ids)
    {
        var text = "前 " + bracket + " 後";
        Assert.Equal(ids, string.Join(' ', CitationParser.WholeBracket(text, 2, bracket.Length)));
    }

    [Theory]
    [InlineData("[1-2]")]
    [InlineData("[1-2, 3-8]")]
    [InlineData("[1-2 3-8]")]
    [InlineData("[x [1-2]")]
    [InlineData("[1-2, ]")]
    [InlineData("[１-２]")]
    [InlineData("[plan.a-b:1-2、4-1]")]
    [InlineData("[12345-1]")]
    public void WholeBracket_AgreesWithRewritingEveryCitationAwayAndExtracting(string bracket)
    {
        // The rule the Markdown citation chips had: a bracket is a citation when removing every citation leaves nothing.
        var expected = CitationParser.Rewrite(bracket, _ => false).Length == 0 ? CitationParser.Extract(bracket) : [];
        Assert.Equal(expected, CitationParser.WholeBracket(bracket, 0, bracket.Length));
    }
}
