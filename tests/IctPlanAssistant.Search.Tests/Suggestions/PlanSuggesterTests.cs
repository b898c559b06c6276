using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Suggestions;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Suggestions;

/// <summary>Search-as-you-type over a real index of the bundled plan on disk, with real MeCab and the reading list.</summary>
[Collection(BundledIndexCollection.Name)]
public sealed class PlanSuggesterTests(BundledIndexFixture index)
{
    private readonly PlanSuggester _suggester = new(index.Index, ReadingAnnotator.Load());

    private List<string> Texts(string typed) => _suggester.Suggest(typed).Suggestions.Select(s => s.Text).ToList();

    [Theory]
    [InlineData("たぶ")]
    [InlineData("たぶれ")]
    [InlineData("タブ")]
    [InlineData("ﾀﾌﾞ")]
    public void TabletTypedInKana_SuggestsTheWord(string typed)
    {
        var first = _suggester.Suggest(typed).Suggestions[0];

        Assert.Equal(("タブレット", SuggestionKind.Word, "たぶれっと"), (first.Text, first.Kind, first.Reading));
        Assert.True(first.Rows >= 2);
    }

    [Fact]
    public void Bousai_SuggestsTheProjectNamedForItFirst_ThenTheWord()
    {
        var suggestions = _suggester.Suggest("ぼうさい").Suggestions;

        Assert.Equal(("防災事務連絡システム", SuggestionKind.Name), (suggestions[0].Text, suggestions[0].Kind));
        var word = Assert.Single(suggestions, s => s.Text == "防災");
        Assert.Equal(SuggestionKind.Word, word.Kind);
        Assert.True(word.Rows >= 10, $"防災 is in {word.Rows} rows");
    }

    [Fact]
    public void Aizu_ReadByTheReadingList_SuggestsAizuUniversity()
    {
        var texts = Texts("あいづ");

        Assert.Equal("会津大学IT起業家育成事業", texts[0]);
        Assert.Contains("会津大学", texts);
        Assert.Contains("会津", texts);
    }

    [Theory]
    [InlineData("防", "防災")]
    [InlineData("会津", "会津大学")]
    [InlineData("ロボ", "ロボット")]
    public void KanjiAndKatakanaPrefixes_MatchTheSurface(string typed, string expected)
    {
        Assert.Contains(expected, Texts(typed));
    }

    [Fact]
    public void NamesComeFirst_AtMostHalf_ThenWordsByHowManyRowsHaveThem()
    {
        var suggestions = _suggester.Suggest("ふく").Suggestions;

        Assert.Equal(PlanSuggester.DefaultLimit, suggestions.Count);
        var names = suggestions.TakeWhile(s => s.Kind == SuggestionKind.Name).ToList();
        Assert.Equal(PlanSuggester.DefaultLimit / 2, names.Count);
        Assert.All(suggestions.Skip(names.Count), s => Assert.Equal(SuggestionKind.Word, s.Kind));
        var words = suggestions.Skip(names.Count).Select(s => s.Rows).ToList();
        Assert.Equal(words.OrderDescending(), words);
        Assert.Equal(["ふくしま", "福島", "福祉"], suggestions.Skip(names.Count).Take(3).Select(s => s.Text));
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Text).Distinct().Count());
    }

    [Fact]
    public void EveryNameSuggested_IsAProjectOfThePlan_AndStartsWithWhatWasTyped()
    {
        var names = BundledPlan.Rows.Select(r => r.Name).ToHashSet();
        foreach (var typed in new[] { "ふく", "じ", "そう", "でん", "けん", "いん", "ち" })
        {
            foreach (var s in _suggester.Suggest(typed, PlanSuggester.MaxLimit).Suggestions)
            {
                if (s.Kind == SuggestionKind.Name) Assert.Contains(s.Text, names);
                Assert.True(
                    SuggestionTable.Fold(s.Reading).StartsWith(SuggestionTable.Fold(typed), StringComparison.Ordinal) || s.Text.StartsWith(typed, StringComparison.Ordinal),
                    $"{typed}: {s.Text} ({s.Reading})");
            }
        }
    }

    [Fact]
    public void KanaWhileTheImeStillComposesARomajiSyllable_IsLookedUpWithoutIt()
    {
        Assert.Equal(Texts("ぼうさ"), Texts("ぼうさi"));
        Assert.Equal(Texts("たぶ"), Texts("たぶr"));
    }

    [Fact]
    public void TheLastPartOfAQuestion_IsCompletedWhenTheWholeIsNot()
    {
        var result = _suggester.Suggest("保健福祉部 たぶ");

        Assert.Equal("保健福祉部 ".Length, result.From);
        Assert.Equal("タブレット", result.Suggestions[0].Text);
        Assert.Equal(2, _suggester.Suggest("  たぶ").From);
    }

    [Fact]
    public void LongKatakanaTypedWithItsFinalLongMark_FindsTheWordIndexedWithout()
    {
        var texts = Texts("こんぴゅーたー");

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.StartsWith("コンピュータ", t));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001<script>alert(1)</script>")]
    [InlineData("🙂🙂🙂")]
    [InlineData("ゐゑゐゑ")]
    [InlineData("zzzzqqqq")]
    [InlineData("'\" OR 1=1 --")]
    [InlineData("*?[]{}~^\\:")]
    public void EmptyOrGarbage_SuggestsNothing(string typed)
    {
        Assert.Equal(SuggestionResult.None, _suggester.Suggest(typed));
    }

    [Fact]
    public void HalfACharacterOrANoncharacter_IsNotAnError()
    {
        Assert.Empty(_suggester.Suggest("\ud800").Suggestions);
        Assert.Equal(Texts("ぼう"), Texts("ぼう\udc00"));
        Assert.NotEmpty(Texts("ぼう\udc00"));
        Assert.Empty(Texts("ぼう\ufffe")); // a noncharacter, which cannot be normalised: no word starts so
    }

    [Fact]
    public void TextLongerThanTheCap_SuggestsNothing_WithoutLookingItUp()
    {
        Assert.Empty(_suggester.Suggest(new string('ぼ', PlanSuggester.MaxInput + 1)).Suggestions);
        Assert.Empty(_suggester.Suggest("ぼうさい" + new string(' ', 10_000)).Suggestions);
    }

    [Fact]
    public void Limit_IsKeptWithinBounds()
    {
        Assert.Single(_suggester.Suggest("ふく", 0).Suggestions);
        Assert.True(_suggester.Suggest("じ", 1_000).Suggestions.Count <= PlanSuggester.MaxLimit);
    }
}
