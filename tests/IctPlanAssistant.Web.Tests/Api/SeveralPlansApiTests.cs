using System.Net.Http.Json;
using System.Text.Json;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>
/// A host over two plans (the bundled plan as <c>y2017</c> and again as <c>y2018</c>): the plan filters the search
/// and the answer, and the search counts the results by plan for the page's plan filter.
/// </summary>
public sealed class SeveralPlansApiTests : IDisposable
{
    private static readonly string Bundled = Path.Combine(PlanSource.BundledDirectory, "fukushima-ict-action-plan-2017.txt");

    private readonly PlanWebHost _host = new(planSources: [$"y2017={Bundled}", $"y2018={Bundled}"]);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_search_counts_the_results_by_plan_and_the_plan_parameter_keeps_one()
    {
        using var client = _host.CreateHttpClient();

        var all = await client.GetFromJsonAsync<JsonElement>("/api/search?q=タブレット&department=保健福祉部");
        var one = await client.GetFromJsonAsync<JsonElement>("/api/search?q=タブレット&department=保健福祉部&plan=y2018");

        Assert.Equal([("y2017", 2), ("y2018", 2)], Plans(all));
        Assert.Equal(["y2018:1-2", "y2018:3-8"], Ids(one).Order(StringComparer.Ordinal));
        Assert.Equal([("y2018", 2)], Plans(one));
    }

    [Fact]
    public async Task An_answer_within_a_plan_cites_only_that_plans_rows()
    {
        using var client = _host.CreateHttpClient();

        using var response = await client.PostAsJsonAsync("/api/ask", new { question = "保健福祉部でタブレットを使っている事業は？", plan = "y2017" });
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["y2017:1-2", "y2017:3-8"], answer.GetProperty("citations").EnumerateArray().Select(c => c.GetString()!));
    }

    private static List<(string, int)> Plans(JsonElement result) => result.GetProperty("facets").GetProperty("plans").EnumerateArray()
        .Select(p => (p.GetProperty("value").GetString()!, p.GetProperty("count").GetInt32())).ToList();

    private static IEnumerable<string> Ids(JsonElement result) =>
        result.GetProperty("rows").EnumerateArray().Select(h => h.GetProperty("row").GetProperty("id").GetString()!);
}
