using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>EDICT's common Japanese words with the English of their first sense, as the build writes them (data/synonyms/edict.mjs).</summary>
public sealed class JapaneseGlossesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Default_HoldsTheCommonWordsAndTheLongReadingsOfTheDictionary()
    {
        Assert.InRange(JapaneseGlosses.Default.WordCount, 80_000, 120_000); // common headwords and readings, and the long readings of any noun
    }

    [Theory]
    [InlineData("病院", "hospital")]
    [InlineData("田んぼ", "paddy field")]
    [InlineData("年寄り", "elderly person")]
    public void Of_GivesTheEnglishOfTheFirstSense(string japanese, string english)
    {
        Assert.Contains(english, JapaneseGlosses.Default.Of(japanese));
    }

    [Theory]
    [InlineData("たんぼ", "paddy field")] // 田んぼ, the one common noun read so
    [InlineData("牛", "cattle")] // a one-character word says what it means, though it stands for no English word
    public void Of_ANounTypedInHiragana_OrOneCharacterLong_GivesItsFirstSense(string japanese, string english)
    {
        Assert.Contains(english, JapaneseGlosses.Default.Of(japanese));
    }

    [Theory]
    [InlineData("ろうじん", "老人")] // the one common noun read so
    [InlineData("かいらんばん", "回覧板")] // a long reading no common noun has, and only one noun of any kind
    [InlineData("バス", "バス")] // a headword as typed
    [InlineData("はし", null)] // 橋, 箸, 端
    [InlineData("ぎにきをつける", null)]
    public void SpellingOf_AWordTypedInKana_IsHowTheDictionaryWritesIt(string kana, string? spelling)
    {
        Assert.Equal(spelling, JapaneseGlosses.Default.SpellingOf(kana));
    }

    [Fact]
    public void Load_AReadingsLine_NamesItsNoun_AndGivesThatNounsEnglish()
    {
        var path = _dir.Combine(JapaneseGlosses.FileName);
        File.WriteAllLines(path, ["病院\thospital\tclinic", "びょういん\t=病院"]);

        var glosses = JapaneseGlosses.Load(path);

        Assert.Equal("病院", glosses.SpellingOf("びょういん"));
        Assert.Equal(["hospital", "clinic"], glosses.Of("びょういん"));
    }

    [Fact]
    public void Of_AReadingSeveralCommonNounsShare_GivesNothing()
    {
        Assert.Empty(JapaneseGlosses.Default.Of("はし")); // 橋, 箸, 端
    }

    [Fact]
    public void Of_AWordEdictLacks_GivesNothing()
    {
        Assert.Empty(JapaneseGlosses.Default.Of("ぎにきをつける"));
    }

    [Fact]
    public void Load_AMalformedLine_NamesTheFileAndLine()
    {
        var path = _dir.Combine(JapaneseGlosses.FileName);
        File.WriteAllLines(path, ["# a comment", "病院\thospital\tclinic", "病院だけ"]);

        var e = Assert.Throws<GlossaryException>(() => JapaneseGlosses.Load(path));

        Assert.StartsWith($"{path}:3:", e.Message);
    }

    [Fact]
    public void Load_AMissingTable_SaysHowToBuildIt()
    {
        var e = Assert.Throws<GlossaryException>(() => JapaneseGlosses.Load(_dir.Combine("missing.tsv")));

        Assert.Contains("install-deps.sh", e.Message);
    }
}
