using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Tests.Analysis;

public sealed class MeCabTokenizerTests
{
    /// <summary>The tokenizer as the analyzer feeds it: width folded by the char filter, offsets corrected back.</summary>
    private static List<Token> Tokenize(string text, MeCabModel? model = null)
    {
        using var tokenizer = new MeCabTokenizer(JapaneseWidthCharFilter.Wrap(new StringReader(text)), model);
        return Tokens.Read(tokenizer);
    }

    private static List<string> Surfaces(string text, MeCabModel? model = null) => Tokenize(text, model).Select(t => t.Term).ToList();

    private static string Fold(string text)
    {
        using var reader = JapaneseWidthCharFilter.Wrap(new StringReader(text));
        var buffer = new char[256];
        var sb = new System.Text.StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) sb.Append(buffer, 0, read);
        return sb.ToString();
    }

    [Fact]
    public void Tokenize_SplitsJapaneseIntoIpadicMorphemes()
    {
        Assert.Equal(["タブレット", "端末", "を", "活用", "し", "た"], Surfaces("タブレット端末を活用した"));
        Assert.Equal(["保健", "福祉", "部"], Surfaces("保健福祉部"));
    }

    [Fact]
    public void Tokenize_GivesEachTokenItsPartOfSpeechAndBaseForm()
    {
        using var tokenizer = new MeCabTokenizer(new StringReader("見守った"));
        var morpheme = tokenizer.AddAttribute<IMorphemeAttribute>();
        tokenizer.Reset();
        Assert.True(tokenizer.IncrementToken());
        Assert.Equal("見守る", morpheme.Features!.BaseForm);
        Assert.StartsWith("動詞", morpheme.Features.PartOfSpeech);
        tokenizer.End();
    }

    [Theory]
    [InlineData("ふくしま")]
    [InlineData("ドローン")]
    [InlineData("マイナンバー")]
    [InlineData("うつくしま")]
    public void Tokenize_KeepsUserDictionaryWordsAsOneToken(string word)
    {
        Assert.Equal([word], Surfaces(word));
        Assert.Contains(word, Surfaces($"県は{word}を活用した事業を行う"));
    }

    [Fact]
    public void Tokenize_ReadsFukushimaInHiraganaAsOneTokenInsideLongerWords()
    {
        Assert.Equal(["ふくしま", "から", "はじめよ", "う", "。"], Surfaces("ふくしまからはじめよう。"));
    }

    [Fact]
    public void UserDictionary_IsBuiltBesideTheAssembly()
    {
        Assert.NotNull(MeCabOptions.DefaultUserDictionary());
        Assert.Equal(MeCabOptions.DefaultUserDictionary(), MeCabModel.Shared.Options.UserDictionaryPath);
    }

    [Fact]
    public void UserDictionary_IsWhatKeepsTheDomainWordsWhole()
    {
        using var plain = MeCabModel.Open(new MeCabOptions { UserDictionaryPath = null });

        Assert.Equal(["ド", "ローン"], Surfaces("ドローン", plain));
        Assert.Equal(["マイ", "ナンバー"], Surfaces("マイナンバー", plain));
        Assert.NotEqual(["ふくしま"], Surfaces("ふくしま", plain));
    }

    [Fact]
    public void Offsets_PointIntoTheOriginalTextAcrossWidthFolding()
    {
        var text = "ＩＣＴとﾀﾌﾞﾚｯﾄを活用";
        var tokens = Tokenize(text);

        Assert.Equal(new Token("ICT", 0, 3, 1), tokens[0]);
        Assert.Equal(new Token("と", 3, 4, 1), tokens[1]);
        Assert.Equal(new Token("タブレット", 4, 10, 1), tokens[2]);
        Assert.Equal("ﾀﾌﾞﾚｯﾄ", text[4..10]);
        Assert.Equal("活用", text[tokens[^1].Start..tokens[^1].End]);
    }

    [Fact]
    public void Offsets_CountSurrogatePairsAsTwoUtf16Units()
    {
        var text = "𠮷野家でタブレット😀を使う";
        var tokens = Tokenize(text);

        Assert.All(tokens, t => Assert.Equal(t.Term, text[t.Start..t.End]));
        Assert.Contains(tokens, t => t.Term == "タブレット" && t.Start == 5);
    }

    [Fact]
    public void Offsets_SkipWhitespaceAndLineBreaks()
    {
        var text = "計画どおり 実施\n  見守り\t活動";
        var tokens = Tokenize(text);

        Assert.All(tokens, t => Assert.Equal(t.Term, text[t.Start..t.End]));
        Assert.DoesNotContain(tokens, t => string.IsNullOrWhiteSpace(t.Term));
    }

    [Fact]
    public void Offsets_MatchTheOriginalTextForEveryCellOfTheWholePlan()
    {
        var checkedTokens = 0;
        foreach (var cell in BundledPlan.Cells.Concat(BundledPlan.CleanFields))
        {
            var previousStart = 0;
            foreach (var token in Tokenize(cell))
            {
                Assert.True(token.Start >= previousStart && token.Start < token.End && token.End <= cell.Length,
                    $"token '{token.Term}' [{token.Start},{token.End}) out of order or outside a cell of {cell.Length} chars: {cell}");
                Assert.Equal(token.Term, Fold(cell[token.Start..token.End]));
                previousStart = token.Start;
                checkedTokens++;
            }
        }
        Assert.True(checkedTokens > 20000, $"only {checkedTokens} tokens checked");
    }

    [Fact]
    public void Tokenize_ReadsTextLongerThanOneChunk()
    {
        var sentence = "避難者見守り活動支援事業においてタブレット端末を活用した。";
        var text = string.Concat(Enumerable.Repeat(sentence, (IctPlanAssistant.Search.Analysis.MeCab.MeCabModel.ChunkSize * 3 / sentence.Length) + 1));

        var tokens = Tokenize(text);

        Assert.All(tokens, t => Assert.Equal(t.Term, text[t.Start..t.End]));
        Assert.Equal(Tokenize(sentence).Count * (text.Length / sentence.Length), tokens.Count);
    }

    [Fact]
    public void Tokenize_IsReusableAcrossResets()
    {
        using var tokenizer = new MeCabTokenizer(new StringReader("タブレット端末"));
        var first = Tokens.Read(tokenizer);
        tokenizer.Dispose();
        tokenizer.SetReader(new StringReader("見守り活動"));
        var second = Tokens.Read(tokenizer);

        Assert.Equal(["タブレット", "端末"], first.Select(t => t.Term));
        Assert.Equal(["見守り", "活動"], second.Select(t => t.Term));
        Assert.Equal(0, second[0].Start);
    }
}
