using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

public sealed class LetterNamesTests
{
    [Theory]
    [InlineData("ICT", "アイシーティー")]
    [InlineData("IoT", "アイオーティー")]
    [InlineData("PC", "ピーシー")]
    [InlineData("SNS", "エスエヌエス")]
    public void Acronym_IsSpelledByTheNamesOfItsLetters(string acronym, string spelled)
    {
        Assert.Equal(spelled, LetterNames.Spell(acronym));
    }

    [Theory]
    [InlineData("ict")] // a word in lower case is said as a word
    [InlineData("Aizu")]
    [InlineData("A")]
    [InlineData("MEXT2")]
    [InlineData("WIFIS")]
    public void AnyOtherWord_IsNotSpelled(string word)
    {
        Assert.Null(LetterNames.Spell(word));
    }
}
