using System.Text;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Core.Tests.Text;

/// <summary>The quick NFKC check returns a text as it is only where ICU's normalisation would have too.</summary>
public sealed class UnicodeTextTests
{
    [Fact]
    public void Each_character_the_quick_check_passes_is_its_own_NFKC_and_composes_with_no_character_before_it()
    {
        var starters = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(UnicodeText.IsNfkcStarter).ToList();
        Assert.Contains('ー', starters);
        Assert.DoesNotContain('\u3099', starters); // the combining voicing mark: か + ゙ is が
        Assert.DoesNotContain('\u3000', starters); // the ideographic space is a space in NFKC
        Assert.DoesNotContain('Ａ', starters);
        // Every character stays itself after each of a set of characters that compose with what follows (か, ｶ, e, ᄀ)
        // or are starters themselves: nothing the check passes combines with a character before it.
        var before = new[] { 'か', 'ｶ', 'e', 'E', '\u1100', 'ア', '漢', ' ', '\u0301' };
        foreach (var c in starters)
        {
            Assert.Equal(c.ToString(), c.ToString().Normalize(NormalizationForm.FormKC));
            foreach (var b in before)
            {
                var pair = string.Concat(b.ToString(), c.ToString());
                Assert.Equal(pair.Normalize(NormalizationForm.FormKC), string.Concat(b.ToString().Normalize(NormalizationForm.FormKC), c.ToString()));
            }
        }
    }

    [Theory]
    [InlineData("保健福祉部でタブレットを使う事業は？")] // ？ is full-width: normalised by ICU
    [InlineData("保健福祉部でタブレットを使う事業は")]
    [InlineData("ドローンの事業、ありますか。")]
    [InlineData("ｶﾞｲﾄﾞ")]
    [InlineData("か\u3099")]
    [InlineData("Which projects use drones?")]
    [InlineData("ＩＣＴ　利活用")]
    [InlineData("㍻の事業")]
    [InlineData("")]
    public void A_text_is_normalised_as_ICU_normalises_it(string text)
    {
        var nfkc = text.ToNfkc();

        Assert.Equal(text.Normalize(NormalizationForm.FormKC), nfkc);
        if (UnicodeText.IsNfkcByQuickCheck(text)) Assert.Same(text, nfkc);
    }

    [Fact]
    public void Random_texts_of_starters_and_other_characters_are_normalised_as_ICU_normalises_them()
    {
        var random = new Random(7);
        var alphabet = "あかがぱアカガパ・ー漢字事業、。々「」abcABC 123\u3099\u309Aｶﾞ゙ＡＢ１㍻\u3000？".ToCharArray();
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(text.Normalize(NormalizationForm.FormKC), text.ToNfkc());
        }
    }

    [Fact]
    public void Lower_case_is_the_invariant_lower_case_and_the_text_itself_where_nothing_changes()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = ((char)c).ToString();
            Assert.Equal(text.ToLowerInvariant(), text.LowerInvariant());
        }
        var random = new Random(3);
        var alphabet = "あア漢、々ー〇aZzİıΣσς\uD801\uDC00ＡＢｃ1 ".ToCharArray(); // 𐐀 (Deseret) lower-cases as a pair
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(text.ToLowerInvariant(), text.LowerInvariant());
        }
        const string caseless = "保健福祉部のタブレット事業、ドローン (2017)";
        Assert.Same(caseless, caseless.LowerInvariant());
    }
}
