using IctPlanAssistant.Text;

namespace IctPlanAssistant.Core.Tests.Text;

public sealed class JapaneseCharactersTests
{
    [Theory]
    [InlineData("キツい", "きつい")]
    [InlineData("ヴァイオリン", "ゔぁいおりん")]
    [InlineData("スーパー・マーケット", "すーぱー・まーけっと")] // ー and ・ are no kana of a sound: left as they are
    public void KatakanaToHiragana_WritesEachKanaInHiragana(string katakana, string hiragana)
    {
        Assert.Equal(hiragana, JapaneseCharacters.KatakanaToHiragana(katakana));
    }

    [Theory]
    [InlineData("どろーん")]
    [InlineData("きつい")]
    public void KatakanaToHiragana_IsTheInverseOfHiraganaToKatakana(string hiragana)
    {
        Assert.Equal(hiragana, JapaneseCharacters.KatakanaToHiragana(JapaneseCharacters.HiraganaToKatakana(hiragana)));
    }
}
