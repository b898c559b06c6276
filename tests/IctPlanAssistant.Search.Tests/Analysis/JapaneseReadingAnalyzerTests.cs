using IctPlanAssistant.Search.Analysis;

namespace IctPlanAssistant.Search.Tests.Analysis;

/// <summary>The reading fields' analysis: words as their katakana readings, so kana typing and every spelling meet.</summary>
public sealed class JapaneseReadingAnalyzerTests
{
    private static readonly JapaneseReadingAnalyzer Analyzer = new();

    private static List<string> Terms(string text) => Tokens.Terms(Analyzer, text);

    [Fact]
    public void Analyze_WritesEachWordAsItsReading()
    {
        Assert.Equal(["ホウシャセン", "ジョウホウ"], Terms("放射線の情報"));
    }

    [Fact]
    public void Analyze_GivesEverySpellingOfAWordOneTerm()
    {
        Assert.Equal(Terms("子供"), Terms("子ども"));
        Assert.Equal(Terms("子供"), Terms("こども"));
    }

    [Fact]
    public void Analyze_KeepsKatakanaLatinAndNumbersAsWritten()
    {
        Assert.Equal(["タブレット", "ict"], Terms("タブレットとＩＣＴ"));
        Assert.Contains("2017", Terms("2017年度"));
    }

    [Fact]
    public void Analyze_DropsParticlesAndStemsLongKatakanaAsTheWordFieldsDo()
    {
        Assert.Equal(["コンピュータ"], Terms("コンピューターを"));
    }

    [Fact]
    public void Analyze_TheSameTextTwice_GivesTheSameTerms()
    {
        // The second analysis of a text takes the first one's parse (RecentParses): it must be the same.
        var text = "避難者見守り活動支援事業では、タブレット端末を活用した。";
        Assert.Equal(Terms(text), Terms(text));
        Assert.Equal(Tokens.Terms(new JapaneseAnalyzer(), text).Count, Terms(text).Count);
    }
}
