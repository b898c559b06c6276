using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>Sudachi's synonym dictionary as the build converts it (data/synonyms), and how surely each synonym counts.</summary>
public sealed class SynonymDictionaryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static float WeightOf(string word, string synonym) =>
        Assert.Single(SynonymDictionary.Default.Of(word), s => s.Word == synonym).Weight;

    [Fact]
    public void Default_IsTheWholeConvertedDictionary()
    {
        Assert.InRange(SynonymDictionary.Default.GroupCount, 25_000, 27_000);
    }

    [Theory]
    [InlineData("年寄り", "高齢者", SynonymDictionary.OtherWord)]
    [InlineData("子供", "子ども", SynonymDictionary.SameWord)]
    [InlineData("ネット", "インターネット", SynonymDictionary.FromAmbiguousWord)]
    [InlineData("library", "図書館", SynonymDictionary.OtherWord)]
    [InlineData("Library", "図書館", SynonymDictionary.OtherWord)]
    public void Of_GivesTheGroupsOtherWords_TheSameLexemeSurest(string word, string synonym, float weight)
    {
        Assert.Equal(weight, WeightOf(word, synonym));
    }

    [Fact]
    public void Of_NeverGivesTheWordItself_NorAWordOfNoGroup()
    {
        Assert.DoesNotContain(SynonymDictionary.Default.Of("高齢者"), s => s.Word == "高齢者");
        Assert.Empty(SynonymDictionary.Default.Of("ラミセス"));
    }

    [Theory]
    [InlineData("年寄り")]
    [InlineData("Internet")]
    [InlineData("ラミセス")]
    public void Of_AWordAskedAgain_GivesTheSameSynonyms(string word)
    {
        var fresh = SynonymDictionary.Load(SynonymDictionary.DefaultPath);
        var first = fresh.Of(word).ToList();
        Assert.Equal(first, fresh.Of(word));
        Assert.Equal(first, SynonymDictionary.Default.Of(word));
    }

    [Fact]
    public void Load_AMalformedLine_NamesTheFileAndLine()
    {
        var path = _dir.Combine("synonyms.tsv");
        File.WriteAllLines(path, ["# a comment", "000001\t1:0:曖昧\t1:0:あいまい", "000002\t宛先"]);

        var e = Assert.Throws<GlossaryException>(() => SynonymDictionary.Load(path));

        Assert.StartsWith($"{path}:3:", e.Message);
    }

    [Fact]
    public void Load_AMissingTable_SaysHowItIsBuilt()
    {
        var e = Assert.Throws<GlossaryException>(() => SynonymDictionary.Load(_dir.Combine("none.tsv")));

        Assert.Contains("data/synonyms", e.Message);
    }
}
