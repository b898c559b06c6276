using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>English words typed wrong, mended against the glossary's words and EDICT's before the question is read.</summary>
public sealed class EnglishSpellingTests
{
    private static readonly EnglishSpelling Spelling = EnglishSpelling.For(Glossary.Load(Glossary.DefaultDirectory), EnglishGlosses.Default);

    [Theory]
    [InlineData("which projects use tablits", "which projects use tablets")]
    [InlineData("is there any projct for dissaster informaton", "is there any project for disaster information")]
    [InlineData("how much is the budjet", "how much is the budget")]
    [InlineData("Are there any projcts for kids", "Are there any projects for kids")]
    [InlineData("is ther a map online were i can see the radation levels", "is ther a map online were i can see the radiation levels")] // romaji-shaped, but the glossary's word
    public void AWordTypedWrong_IsMendedToTheOneKnownWordNearIt(string typed, string mended)
    {
        Assert.Equal(mended, Spelling.Correct(typed));
    }

    [Theory]
    [InlineData("does the pref have a cloud program", "does the prefecture have a cloud program")]
    [InlineData("which project & div?", "which project & division?")]
    public void AWordClippedInChat_IsTheGlossarysWordItBegins(string typed, string mended)
    {
        Assert.Equal(mended, Spelling.Correct(typed));
    }

    [Theory]
    [InlineData("Any projects in Aizu about robots")] // a name, capitalised
    [InlineData("ICT projects for H29")] // an acronym, a word glued to digits
    [InlineData("タブレットの事業")]
    [InlineData("which projects use tablets")] // nothing to mend
    [InlineData("Wich projects use drones")] // which or with: no guess between two
    [InlineData("keisatsu honbu projects in the plan?")] // romaji: no dictionary word (konbu) is made of it
    public void AKnownWordOrAName_IsLeftAsTyped(string text)
    {
        Assert.Equal(text, Spelling.Correct(text));
    }
}
