using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search;

/// <summary>
/// The names of a search's orders and achievement conditions as the HTTP API, the pages and the CLI write them
/// (<c>budget-desc</c>, <c>below-target</c>): one spelling for every channel.
/// </summary>
public static class SearchParameters
{
    public const string SortNames = "relevance, budget-desc, budget-asc, achievement-desc, achievement-asc or id";

    public const string AchievementNames = "achieved, as-planned, below-target, not-implemented or no-cases";

    public static bool TryParseSort(string? text, out RowSort sort)
    {
        sort = text switch
        {
            null or "" or "relevance" => RowSort.Relevance,
            "budget-desc" => RowSort.BudgetDescending,
            "budget-asc" => RowSort.BudgetAscending,
            "achievement-desc" => RowSort.AchievementRateDescending,
            "achievement-asc" => RowSort.AchievementRateAscending,
            "id" => RowSort.Id,
            _ => (RowSort)(-1),
        };
        return Enum.IsDefined(sort);
    }

    public static bool TryParseAchievement(string? text, out AchievementStatus status)
    {
        status = text switch
        {
            null or "" => AchievementStatus.None,
            "achieved" => AchievementStatus.Achieved,
            "as-planned" => AchievementStatus.AsPlanned,
            "below-target" => AchievementStatus.BelowTarget,
            "not-implemented" => AchievementStatus.NotImplemented,
            "no-cases" => AchievementStatus.NoCases,
            _ => (AchievementStatus)(-1),
        };
        return (int)status >= 0;
    }
}
