using IctPlanAssistant.Search.Analysis.Readings;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Search.Suggestions;

namespace IctPlanAssistant.Search.Tests.Suggestions;

/// <summary>Suggestions follow the served index: a newly published generation's names and words replace the old ones.</summary>
public sealed class SuggestionGenerationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly IndexLocation _location;

    public SuggestionGenerationTests()
    {
        _location = new IndexLocation(Path.Combine(_dir.Path, "index"));
    }

    public void Dispose() => _dir.Dispose();

    private void Ingest(string topic) =>
        new PlanIngestor(_location).Ingest(PlanSource.Resolve([SmallPlan.Valid(_dir.Path, $"{topic}.txt", topic)]));

    private static List<string> Texts(PlanSuggester suggester, string typed) => suggester.Suggest(typed).Suggestions.Select(s => s.Text).ToList();

    [Fact]
    public async Task A_new_generation_is_suggested_from_once_its_table_is_built_in_the_background()
    {
        Ingest("ドローン");
        using var index = PlanIndex.Open(_location.Root, TimeSpan.FromHours(1));
        var suggester = new PlanSuggester(index, ReadingAnnotator.Load());
        suggester.Warm();
        Assert.Equal(["ドローン推進事業", "ドローン"], Texts(suggester, "どろ"));

        Ingest("タブレット");
        Assert.True(index.Refresh());
        Texts(suggester, "たぶ"); // answered at once, from the previous table while the new one is built
        for (var i = 0; i < 200 && !suggester.IsCurrent(); i++) await Task.Delay(50);

        Assert.True(suggester.IsCurrent());
        Assert.Equal(["タブレット推進事業", "タブレット"], Texts(suggester, "たぶ"));
        Assert.Empty(Texts(suggester, "どろ"));
    }
}
