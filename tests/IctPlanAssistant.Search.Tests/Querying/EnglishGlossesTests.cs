using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>EDICT turned round into English-to-Japanese glosses as the build converts it (data/synonyms/edict.mjs).</summary>
public sealed class EnglishGlossesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Default_IsTheWholeConvertedDictionary()
    {
        Assert.InRange(EnglishGlosses.Default.WordCount, 100_000, 200_000);
    }

    [Theory]
    [InlineData("hospital", "病院")]
    [InlineData("relocation", "移転")]
    [InlineData("tourism", "観光")]
    [InlineData("elections", "選挙")] // through its singular
    [InlineData("teaching", "授業")]
    [InlineData("Voting", "投票")]
    [InlineData("travel expense", "旅費")] // an expression EDICT lists in the plural
    public void Of_GivesTheLikeliestJapaneseWords(string english, string japanese)
    {
        Assert.Equal(EnglishGlosses.Likeliest, Assert.Single(EnglishGlosses.Default.Of(english), g => g.Word == japanese).Weight);
    }

    [Fact]
    public void Of_LeavesOutOneCharacterWords_WhichStandForTooManyThings()
    {
        // 米 is a metre as well as rice.
        Assert.DoesNotContain(EnglishGlosses.Default.Of("meter"), g => g.Word == "米");
    }

    [Theory]
    [InlineData("keep", true)]
    [InlineData("stuck", true)]
    [InlineData("hit", true)]
    [InlineData("help", false)]
    [InlineData("school", false)]
    [InlineData("hospital", false)]
    public void IsVerb_WhenMostOfItsCommonGlossesAreVerbs(string english, bool verb)
    {
        Assert.Equal(verb, EnglishGlosses.Default.IsVerb(english));
    }

    [Theory]
    [InlineData("desk", true)]
    [InlineData("hospital", true)]
    [InlineData("big", false)]
    [InlineData("if", false)]
    [InlineData("keep", false)]
    public void IsNoun_WhenMostOfItsCommonGlossesAreNouns(string english, bool noun)
    {
        Assert.Equal(noun, EnglishGlosses.Default.IsNoun(english));
    }

    [Theory]
    [InlineData("internal", true)]
    [InlineData("together", true)]
    [InlineData("separately", true)]
    [InlineData("cashless", false)] // no common gloss: nothing to tell by
    [InlineData("hospital", false)]
    [InlineData("keep", false)]
    public void Describes_WhenItsCommonGlossesAreMostlyNeitherVerbsNorNouns(string english, bool describes)
    {
        Assert.Equal(describes, EnglishGlosses.Default.Describes(english));
    }

    [Fact]
    public void Load_AMalformedLine_NamesTheFileAndLine()
    {
        var path = _dir.Combine("edict-english.tsv");
        File.WriteAllLines(path, ["# a comment", "hospital\t0.00\t4:病院", "no tab here"]);

        var e = Assert.Throws<GlossaryException>(() => EnglishGlosses.Load(path));

        Assert.StartsWith($"{path}:3:", e.Message);
    }

    [Fact]
    public void Load_AMissingTable_SaysHowToBuildIt()
    {
        var e = Assert.Throws<GlossaryException>(() => EnglishGlosses.Load(_dir.Combine("missing.tsv")));

        Assert.Contains("install-deps.sh", e.Message);
    }
}
