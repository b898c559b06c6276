using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Search.Tests.Querying;

public sealed class RomajiTests
{
    [Theory]
    [InlineData("aizu", "アイズ")]
    [InlineData("Koriyama", "コリヤマ")]
    [InlineData("Kōriyama", "コリヤマ")]
    [InlineData("iwaki", "イワキ")]
    [InlineData("shimbun", "シンブン")]
    [InlineData("konnichi", "コンニチ")]
    [InlineData("onna", "オンナ")]
    [InlineData("kan'i", "カンイ")]
    [InlineData("sapporo", "サッポロ")]
    [InlineData("matcha", "マッチャ")]
    [InlineData("tsunami", "ツナミ")]
    public void ARomanisedWord_IsReadIntoKatakana(string latin, string katakana)
    {
        Assert.Equal(katakana, Romaji.ToKatakana(latin));
    }

    [Theory]
    [InlineData("school")]
    [InlineData("project")]
    [InlineData("wifi")]
    [InlineData("fy2018")]
    public void AWordThatIsNoRomaji_IsNotRead(string latin)
    {
        Assert.Null(Romaji.ToKatakana(latin));
    }

    [Theory]
    [InlineData("アイヅ", "アイズ")] // 会津 as MeCab reads it, Aizu as it is written
    [InlineData("コオリヤマ", "コリヤマ")] // 郡山: romaji writes the long vowel once
    [InlineData("ソウマ", "ソマ")]
    [InlineData("ユウキ", "ユキ")]
    public void AReadingAndItsRomaji_HaveOneKey(string reading, string romaji)
    {
        Assert.Equal(Romaji.Key(reading), Romaji.Key(romaji));
    }

    [Theory]
    [InlineData("ホウムペエジ", "ホームページ")]
    [InlineData("メエル", "メール")]
    [InlineData("コンピュウタア", "コンピューター")]
    [InlineData("タブレット", "タブレット")] // no vowel after its own
    public void LongVowelsMarked_AVowelAfterASyllableEndingInIt_IsTheLongMark(string typed, string loanword)
    {
        Assert.Equal(loanword, Romaji.LongVowelsMarked(typed));
    }
}
