using IctPlanAssistant.Text;

namespace IctPlanAssistant.Core.Tests.Text;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("福が満開福の しま観光復興 推進事業", "福が満開福のしま観光復興推進事業")]
    [InlineData("計画どおり 実施", "計画どおり実施")]
    [InlineData("県民の安全・ 安心を守るためのネット ワーク構築事業", "県民の安全・安心を守るためのネットワーク構築事業")]
    [InlineData("ふくしまアグ リイノベー ション実証事 業", "ふくしまアグリイノベーション実証事業")]
    public void Clean_RemovesWrapSpacesInsideJapanese(string cell, string expected)
    {
        Assert.Equal(expected, CellText.Clean(cell));
    }

    [Theory]
    [InlineData("会津大学IT 起業家育成事業", "会津大学IT起業家育成事業")]
    [InlineData("確定数 1件", "確定数1件")]
    public void Clean_RemovesWrapSpacesBetweenJapaneseAndLatin(string cell, string expected)
    {
        Assert.Equal(expected, CellText.Clean(cell));
    }

    [Theory]
    [InlineData("G Suite for Education")]
    [InlineData("Wi-Fi Access Point")]
    [InlineData("ICT for All 2017")]
    public void Clean_KeepsSpacesBetweenLatinWords(string cell)
    {
        Assert.Equal(cell, CellText.Clean(cell));
    }

    [Fact]
    public void Clean_KeepsLatinWordSpacesInsideJapaneseText()
    {
        Assert.Equal("「G Suite for Education基礎講座」を開催", CellText.Clean("「G Suite for Education基礎講座」を開催"));
    }

    [Fact]
    public void Clean_KeepsTheSpaceAfterACountThatSeparatesItems()
    {
        Assert.Equal("貸出日数：1,923台 情報発信件数：713件", CellText.Clean("貸出日数：1,923台 情報発信件数：713件"));
    }

    [Fact]
    public void Clean_KeepsARunOfSpacesAsOneSeparatingSpace()
    {
        Assert.Equal("実施した。 次年度も継続", CellText.Clean("実施した。   次年度も継続"));
    }

    [Fact]
    public void Clean_KeepsAnIdeographicSpaceAsASeparator()
    {
        Assert.Equal("課題 解決", CellText.Clean("課題\u3000解決"));
    }

    [Fact]
    public void Clean_TrimsLeadingAndTrailingSpaces()
    {
        Assert.Equal("広報課", CellText.Clean("  広報課 \u3000"));
    }

    [Fact]
    public void Clean_TurnsAnHtmlListIntoOneItemPerLine()
    {
        const string html = "<ul style=\"list-style-type: none\"> <li>確定数 1件</li> <li>講座受講者数 99名</li> <li>制作数 35件</li> </ul>";
        Assert.Equal("確定数1件\n講座受講者数99名\n制作数35件", CellText.Clean(html));
    }

    [Fact]
    public void Clean_TurnsParagraphsAndLineBreaksIntoLines()
    {
        Assert.Equal("第一段落\n第二段落\n改行後", CellText.Clean("<p>第一段落</p><p>第二段落</p>改行後"));
        Assert.Equal("一行目\n二行目", CellText.Clean("一行目<br>二行目"));
        Assert.Equal("一行目\n二行目", CellText.Clean("一行目<br/>二行目"));
    }

    [Fact]
    public void Clean_DropsInlineTagsWithoutBreakingTheLine()
    {
        Assert.Equal("重要な事業を実施", CellText.Clean("<strong>重要</strong>な<span class=\"x\">事業</span>を実施"));
    }

    [Fact]
    public void Clean_DropsEmptyLines()
    {
        Assert.Equal("一\n二", CellText.Clean("<ul>\n<li>一</li>\n\n<li></li><li>二</li></ul>"));
    }

    [Fact]
    public void Clean_DropsScriptAndStyleElementsWithTheirContent()
    {
        Assert.Equal("本文", CellText.Clean("<script>alert('x')</script>本文<style>p{color:red}</style>"));
    }

    [Fact]
    public void Clean_DropsHtmlComments()
    {
        Assert.Equal("本文です", CellText.Clean("本文<!-- 注記 <b>x</b> -->です"));
    }

    [Fact]
    public void Clean_DecodesEntityEscapedMarkupToLiteralText()
    {
        Assert.Equal("<script>alert(1)</script>", CellText.Clean("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [Theory]
    [InlineData("研究&amp;開発", "研究&開発")]
    [InlineData("A&nbsp;B", "A B")]
    [InlineData("&quot;福島&quot;", "\"福島\"")]
    [InlineData("&#x798F;&#23798;", "福島")]
    public void Clean_DecodesHtmlEntities(string cell, string expected)
    {
        Assert.Equal(expected, CellText.Clean(cell));
    }

    [Fact]
    public void Clean_KeepsALessThanSignThatIsNotATag()
    {
        Assert.Equal("3 < 5 の比較", CellText.Clean("3 < 5 の比較"));
    }

    [Fact]
    public void Clean_LeavesEmptyCellEmpty()
    {
        Assert.Equal("", CellText.Clean(""));
        Assert.Equal("", CellText.Clean("   "));
        Assert.Equal("", CellText.Clean("<p></p>"));
    }

    [Fact]
    public void HtmlToText_EndsALineAtEachBlockElement()
    {
        var text = CellText.HtmlToText("<ul><li>一</li><li>二</li></ul><p>三</p>四<br>五");
        Assert.Equal(["一", "二", "三", "四", "五"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void RemoveWrapSpaces_KeepsSurrogatePairsIntact()
    {
        Assert.Equal("𠮷野家の店舗", CellText.RemoveWrapSpaces("𠮷野家の 店舗"));
    }
}
