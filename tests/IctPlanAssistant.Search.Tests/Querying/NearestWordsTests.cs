using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests.Querying;

/// <summary>
/// The plan words offered when nothing is found, from a real index of the bundled plan: close to what was typed,
/// words the plan has (asking one finds rows), never words of the question, none when rows were found.
/// </summary>
[Collection(BundledIndexCollection.Name)]
public sealed class NearestWordsTests(BundledIndexFixture index)
{
    private RetrievalResult Ask(string question) => index.PlanSearch.Search(new SearchRequest(question));

    [Theory]
    [InlineData("ドローソを使った事業は？", "ドローン")]
    [InlineData("タブレツトの事業", "タブレット")]
    public void A_misspelt_word_the_plan_lacks_offers_the_plan_word_it_was_meant_to_be_first(string question, string nearest)
    {
        var asked = Ask(question);

        Assert.True(asked.IsEmpty);
        Assert.Equal(nearest, asked.NearestWords[0]);
    }

    [Fact]
    public void Each_word_offered_finds_rows_when_asked()
    {
        var words = Ask("ドクターヘリの運航を支援する事業ある？").NearestWords;

        Assert.NotEmpty(words);
        Assert.Contains("運用", words);
        Assert.All(words, w => Assert.False(index.PlanSearch.Search(new SearchRequest(w)).IsEmpty, w));
    }

    [Fact]
    public void No_word_of_the_question_is_offered_and_at_most_five_are()
    {
        foreach (var question in new[] { "ドクターヘリの運航を支援する事業ある？", "ドローソを使った事業は？", "宇宙開発の事業は？" })
        {
            var words = Ask(question).NearestWords;
            Assert.True(words.Count <= NearestWords.Max);
            Assert.All(words, w => Assert.DoesNotContain(w, question));
        }
    }

    [Fact]
    public void A_loanword_is_offered_loanwords_only_and_nothing_when_none_is_close()
    {
        Assert.Empty(Ask("カジノの事業はありますか").NearestWords); // 患者 sounds alike, but is not what was meant
    }

    [Fact]
    public void Rows_found_means_no_words_offered()
    {
        var asked = Ask("ドローンを使った事業は？");

        Assert.False(asked.IsEmpty);
        Assert.Empty(asked.NearestWords);
    }

    /// <summary>The loop of NearestWords.For as it was before it measured the spellings first and skipped the rest.</summary>
    private static IReadOnlyList<string> NearestAsBefore(QueryInterpretation q, IndexVocabulary vocabulary)
    {
        bool IsKana(string w) => w.All(c => IctPlanAssistant.Text.JapaneseCharacters.IsHiragana(c) || IctPlanAssistant.Text.JapaneseCharacters.IsKatakana(c));
        var missing = q.Terms
            .Where(t => t.Kind is TermKind.Word or TermKind.Compound or TermKind.Modifier or TermKind.UnknownEnglish && !vocabulary.Has(t.Text))
            .Select(t => (Surface: t.Text, Reading: t.Readings.Count > 0 ? t.Readings[0] : NearestWords.ReadingOf(t.Text, IctPlanAssistant.Search.Analysis.MeCab.MeCabModel.Shared),
                Kana: IsKana(t.Text), Katakana: t.Text.All(IctPlanAssistant.Text.JapaneseCharacters.IsKatakana)))
            .ToList();
        if (missing.Count == 0) return [];
        var asked = q.Terms.SelectMany(t => t.Alternatives.Append(t.Text).Concat(t.Readings)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var best = new Dictionary<string, (double Closeness, int Rows)>(StringComparer.Ordinal);
        foreach (var (reading, spelling, rows) in vocabulary.Readings.Words())
        {
            if (spelling.Length < 2 || asked.Contains(spelling) || asked.Contains(reading) || q.Question.Contains(spelling, StringComparison.OrdinalIgnoreCase)) continue;
            var katakana = spelling.All(IctPlanAssistant.Text.JapaneseCharacters.IsKatakana);
            var closeness = missing.Max(m => m.Katakana && !katakana ? 0 : NearestWords.Closeness(m.Surface, m.Reading, m.Kana, spelling, reading));
            if (closeness < NearestWords.MinCloseness) continue;
            if (!best.TryGetValue(spelling, out var known) || closeness > known.Closeness) best[spelling] = (closeness, rows);
        }
        return best.OrderByDescending(b => b.Value.Closeness).ThenByDescending(b => b.Value.Rows).ThenBy(b => b.Key, StringComparer.Ordinal)
            .Take(NearestWords.Max).Select(b => b.Key).ToList();
    }

    [Theory]
    [InlineData("ドローソを使った事業は？")]
    [InlineData("タブレツトの事業")]
    [InlineData("ドクターヘリの運航を支援する事業ある？")]
    [InlineData("宇宙開発の事業は？")]
    [InlineData("カジノの事業はありますか")]
    [InlineData("ほうしゃのうの けんさ")]
    [InlineData("Is there a project about spaceships or Casinos?")]
    [InlineData("じょうほうのセキュリティとロボト")]
    [InlineData("ＡＩで農業を自働化")]
    public void The_words_offered_are_those_the_former_loop_offered(string question)
    {
        using var snapshot = index.Index.Acquire();
        var q = index.Interpreter.Interpret(question, null, snapshot);
        var vocabulary = IndexVocabulary.Of(snapshot);

        Assert.Equal(NearestAsBefore(q, vocabulary), NearestWords.For(q, vocabulary));
    }

    [Theory]
    [InlineData("ウチュウ", "ウチュウ", 1.0)]
    [InlineData("ドローソ", "ドローン", 0.75)]
    [InlineData("ホウシャノウ", "ホウシャセン", 4.0 / 6)]
    public void Reading_closeness_is_one_less_the_edit_distance_share(string a, string b, double expected) =>
        Assert.Equal(expected, NearestWords.ReadingCloseness(a, b), 3);

    [Fact]
    public void Closeness_is_the_mean_of_reading_and_spelling_likeness()
    {
        // 運航 (ウンコウ) and 運用 (ウンヨウ): readings 0.75 alike, spellings share 運 (0.5).
        Assert.Equal(0.625, NearestWords.Closeness("運航", "ウンコウ", kana: false, "運用", "ウンヨウ"), 3);
        Assert.Equal(2, NearestWords.EditDistance("シンカンセン", "カンセン"));
    }
}

/// <summary>The character overlap and the edit distance computed on the stack give what the set- and array-based forms gave.</summary>
public sealed class NearestWordsMeasureTests
{
    private static double CharactersOfSets(string a, string b)
    {
        var x = a.ToLowerInvariant().ToHashSet();
        var y = b.ToLowerInvariant().ToHashSet();
        return x.Count + y.Count == 0 ? 0 : 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }

    private static int EditDistanceOfArrays(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    [Fact]
    public void Characters_and_edit_distance_are_the_same_as_before()
    {
        var words = new[] { "", "a", "運航", "運用", "ドローン", "ドローソ", "Drone", "DRONES", "ＡＢＣ", "abcabc", "İstanbul", "ǅemal", "𠮷野家", "吉野家", "ΣΑΣ", "σας", new string('x', 70), new string('y', 130) + "z" };
        var random = new Random(11);
        var alphabet = "aAbBİıσΣςドロンー運用航\uD842\uDFB7".ToCharArray();
        var all = words.Concat(Enumerable.Range(0, 200).Select(_ => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))).ToList();
        foreach (var a in all)
        foreach (var b in all.Take(40))
        {
            Assert.Equal(CharactersOfSets(a, b), NearestWords.Characters(a, b));
            Assert.Equal(EditDistanceOfArrays(a, b), NearestWords.EditDistance(a, b));
        }
    }

    [Fact]
    public void Lower_case_without_ICU_for_kana_and_kanji_is_the_invariant_lower_case_of_every_character()
    {
        for (var c = 0; c <= char.MaxValue; c++)
            Assert.Equal(char.ToLowerInvariant((char)c), NearestWords.LowerInvariant((char)c));
    }

    [Fact]
    public void A_kana_and_kanji_word_is_found_ignoring_case_exactly_where_it_is_found_ordinally()
    {
        // Every character of the caseless block upper-cases to itself, and no other character upper-cases into it.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var inBlock = NearestWords.IsCaseless(((char)c).ToString());
            Assert.Equal(inBlock, NearestWords.IsCaseless(char.ToUpperInvariant((char)c).ToString()));
            if (inBlock) Assert.Equal((char)c, char.ToUpperInvariant((char)c));
        }
        Assert.True(NearestWords.IsCaseless("放射線々ドローン、"));
        Assert.False(NearestWords.IsCaseless("ＩＣＴ利活用"));
        Assert.True("ドローン事業".Contains("ドローン", StringComparison.OrdinalIgnoreCase));
    }
}
