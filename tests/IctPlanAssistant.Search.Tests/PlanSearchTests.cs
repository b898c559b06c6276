using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Search.Tests.Index;

namespace IctPlanAssistant.Search.Tests;

/// <summary>The one search every channel calls: the question read, explicit conditions in place of what its words implied.</summary>
[Collection(BundledIndexCollection.Name)]
public sealed class PlanSearchTests(BundledIndexFixture index)
{
    private static IEnumerable<string> Ids(RetrievalResult result) => result.Rows.Select(r => r.Row.Id.ToString());

    [Fact]
    public void ExplicitDepartment_ReplacesTheOneTheWordsNamed()
    {
        var result = index.PlanSearch.Search(new SearchRequest("保健福祉部 タブレット") { Filters = new SearchFilters { Departments = ["危機管理部"] } });

        Assert.Equal(["危機管理部"], result.Interpretation.Departments);
        Assert.All(result.Rows, r => Assert.Equal("危機管理部", r.Row.Department));
    }

    [Fact]
    public void ExplicitConditions_WithNoWords_ListEveryRowThatMeetsThem()
    {
        var result = index.PlanSearch.Search(new SearchRequest("")
        {
            Filters = new SearchFilters { IsNew = true, Budget = new BudgetRange(10_000, null) },
            Top = 200,
        });

        var expected = BundledPlan.Rows.Where(r => r.IsNew && r.BudgetThousandYen >= 10_000).Select(r => r.Id.ToString()).Order().ToList();
        Assert.Equal(expected, Ids(result).Order().ToList());
        Assert.Equal(expected.Count, result.Total);
    }

    [Fact]
    public void ExplicitAchievement_NarrowsToRowsOfThatStatus()
    {
        var result = index.PlanSearch.Search(new SearchRequest("") { Filters = new SearchFilters { Achievement = AchievementStatus.BelowTarget }, Top = 200 });

        Assert.NotEmpty(result.Rows);
        Assert.All(result.Rows, r => Assert.True(AchievementClassifier.Classify(r.Row.Achievement, r.Row.Results).HasFlag(AchievementStatus.BelowTarget), r.Row.Id.ToString()));
    }

    [Fact]
    public void SortByAchievement_ListsTheRowsThatReachedTheLeastOfTheirTargetsFirst_AndRowsStatingNoneLast()
    {
        var result = index.PlanSearch.Search(new SearchRequest("") { Sort = RowSort.AchievementRateAscending, Top = 200 });

        var rates = result.Rows.Select(r => AchievementClassifier.Rate(r.Row.Achievement)).ToList();
        var stated = rates.TakeWhile(r => r is not null).Select(r => r!.Value).ToList();
        Assert.Equal("4-15", result.Rows[0].Row.Id.ToString()); // 13地区の整備目標に対し4地区
        Assert.Equal(stated.Order().ToList(), stated);
        Assert.All(rates.Skip(stated.Count), r => Assert.Null(r));
        Assert.Equal(BundledPlan.Rows.Count, result.Rows.Count);
    }

    [Fact]
    public void Highlight_MarksTheWordsOnlyWhenAskedFor()
    {
        Assert.All(index.PlanSearch.Search(new SearchRequest("タブレット")).Rows, r => Assert.Empty(r.Snippets));
        Assert.All(index.PlanSearch.Search(new SearchRequest("タブレット") { Highlight = true }).Rows, r => Assert.NotEmpty(r.Snippets));
    }

    [Fact]
    public void LanguageOfTheDescription_CanBeSetApartFromTheQuestions()
    {
        Assert.Equal(QueryLanguage.English, index.PlanSearch.Search(new SearchRequest("タブレット") { Language = QueryLanguage.English }).Interpretation.Language);
    }

    [Fact]
    public void GetAndAll_ReadRowsByIdAndInIdOrder()
    {
        Assert.Equal("1-2", index.PlanSearch.Get(RowId.Parse("1-2"))!.Id.ToString());
        Assert.Null(index.PlanSearch.Get(RowId.Parse("9-99")));
        Assert.Equal(BundledPlan.Rows.Select(r => r.Id).Order(), index.PlanSearch.All().Select(r => r.Id));
    }

    // ---- a keyword with filters finds only rows that have it

    [Fact]
    public void Keyword_WithADepartment_FindsOnlyTheDepartmentsRowsThatHaveIt()
    {
        var result = index.PlanSearch.Search(new SearchRequest("システム") { Filters = new SearchFilters { Departments = ["危機管理部"] }, Top = 200 });

        var expected = BundledPlan.Rows.Where(r => r.Department == "危機管理部" && (r.Name + r.Summary + r.Results + r.Achievement).Contains("システム"));
        Assert.Equal(expected.Select(r => r.Id.ToString()).Order(), Ids(result).Order());
    }

    [Fact]
    public void Keyword_WithNew_FindsOnlyTheNewRowsThatHaveIt()
    {
        var result = index.PlanSearch.Search(new SearchRequest("システム") { Filters = new SearchFilters { IsNew = true }, Top = 200 });

        Assert.NotEmpty(result.Rows);
        Assert.True(result.Total < BundledPlan.Rows.Count(r => r.IsNew));
        Assert.All(result.Rows, r => Assert.True(r.Row.IsNew && (r.Row.Name + r.Row.Summary + r.Row.Results + r.Row.Achievement).Contains("システム"), r.Row.Id.ToString()));
    }

    [Fact]
    public void AQuestion_LetsCommonWordsOnlyRankTheFiltersRows()
    {
        var request = new SearchRequest("危機管理部 災害対策課 システム") { CommonWordsOnlyRank = true };

        Assert.Equal(["3-14", "3-15", "3-16"], Ids(index.PlanSearch.Search(request)).Order());
        Assert.Equal(["3-14", "3-15"], Ids(index.PlanSearch.Search(request with { CommonWordsOnlyRank = false })).Order());
    }

    [Fact]
    public void Highlights_MarkWholeWords_NeverPiecesOfOthers()
    {
        var result = index.PlanSearch.Search(new SearchRequest("タブレット") { Highlight = true, Top = 200 });

        var marked = result.Rows.SelectMany(r => r.Snippets).SelectMany(s => Marks(s.Marked)).Distinct().ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.True(m.StartsWith("タブレット", StringComparison.Ordinal) || m.Equals("iPad", StringComparison.OrdinalIgnoreCase), m));
    }

    private static IEnumerable<string> Marks(string marked)
    {
        for (var open = marked.IndexOf(Snippet.Open); open >= 0; open = marked.IndexOf(Snippet.Open, open + 1))
            yield return marked[(open + 1)..marked.IndexOf(Snippet.Close, open)];
    }
}
