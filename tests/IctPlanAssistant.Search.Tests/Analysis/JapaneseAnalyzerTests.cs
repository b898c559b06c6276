using IctPlanAssistant.Search.Analysis;

namespace IctPlanAssistant.Search.Tests.Analysis;

public sealed class JapaneseAnalyzerTests
{
    private static readonly JapaneseAnalyzer Analyzer = new();

    private static List<string> Terms(string text) => Tokens.Terms(Analyzer, text);

    [Fact]
    public void Analyze_GivesInflectedAndDictionaryFormsTheSameTerms()
    {
        Assert.Equal(Terms("活用する"), Terms("活用した"));
        Assert.Equal(Terms("活用する"), Terms("活用し"));
        Assert.Contains("活用", Terms("活用した"));
    }

    [Fact]
    public void Analyze_ReplacesAVerbWithItsBaseForm()
    {
        Assert.Contains("見守る", Terms("見守った"));
        Assert.Equal(Terms("見守る"), Terms("見守った"));
    }

    [Theory]
    [InlineData("ＩＣＴ")]
    [InlineData("ICT")]
    [InlineData("ict")]
    [InlineData("Ｉｃｔ")]
    public void Analyze_FoldsFullWidthLatinAndCase(string text)
    {
        Assert.Equal(["ict"], Terms(text));
    }

    [Fact]
    public void Analyze_FoldsHalfWidthKatakanaToFullWidth()
    {
        Assert.Equal(["タブレット"], Terms("ﾀﾌﾞﾚｯﾄ"));
        Assert.Equal(Terms("タブレット端末"), Terms("ﾀﾌﾞﾚｯﾄ端末"));
    }

    [Fact]
    public void Analyze_FoldsFullWidthDigits()
    {
        Assert.Equal(Terms("2017年"), Terms("２０１７年"));
    }

    [Fact]
    public void Analyze_DropsParticlesAuxiliariesAndPunctuation()
    {
        var terms = Terms("タブレット端末を活用した、情報共有。");

        Assert.Equal(["タブレット", "端末", "活用", "情報", "共有"], terms.Where(t => t != "する"));
        Assert.DoesNotContain("を", terms);
        Assert.DoesNotContain("た", terms);
        Assert.DoesNotContain("、", terms);
        Assert.DoesNotContain("。", terms);
    }

    [Fact]
    public void Analyze_StemsTheProlongedSoundMarkOfLongKatakanaWords()
    {
        Assert.Equal(Terms("コンピュータ"), Terms("コンピューター"));
        Assert.Equal(["サーバ"], Terms("サーバー")); // four characters: the shortest Kuromoji stems
        Assert.Equal(["センタ"], Terms("センター"));
    }

    [Fact]
    public void Analyze_KeepsTheProlongedSoundMarkOfShortKatakanaWords()
    {
        Assert.Equal(["コピー"], Terms("コピー"));
    }

    [Fact]
    public void Analyze_DropsJapaneseStopWords()
    {
        Assert.Empty(Terms("これ"));
        Assert.Empty(Terms("こと"));
    }

    [Theory]
    [InlineData("ふくしま")]
    [InlineData("ドローン")]
    [InlineData("利活用")]
    public void Analyze_KeepsUserDictionaryWordsAsOneTerm(string word)
    {
        Assert.Equal([word], Terms(word));
        Assert.Contains(word, Terms($"{word}の推進に取り組む"));
    }

    [Fact]
    public void Analyze_KeepsMyNumberAsOneTermStemmedLikeEveryLongKatakanaWord()
    {
        Assert.Equal(["マイナンバ"], Terms("マイナンバー"));
        Assert.Equal(Terms("マイナンバー"), Terms("ﾏｲﾅﾝﾊﾞｰ"));
    }

    [Fact]
    public void Analyze_StripsNothingFromAnEmptyText()
    {
        Assert.Empty(Terms(""));
        Assert.Empty(Terms("   "));
    }
}
