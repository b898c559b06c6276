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
}
