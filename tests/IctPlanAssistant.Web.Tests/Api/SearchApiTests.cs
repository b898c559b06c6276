using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IctPlanAssistant.Serialization;

namespace IctPlanAssistant.Web.Tests.Api;

[Collection(BundledPlanCollection.Name)]
public sealed class SearchApiTests(BundledPlanHost host)
{
    [Fact]
    public async Task Without_words_or_filters_the_search_lists_every_row_with_facets_that_add_up()
    {
        using var client = host.Client();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/search?top=200");

        Assert.Equal(103, result.GetProperty("total").GetInt32());
        Assert.Equal(103, result.GetProperty("rows").GetArrayLength());
        Assert.Equal(103, FacetCounts(result, "departments").Values.Sum());
        Assert.Equal(103, FacetCounts(result, "sections").Values.Sum());
    }

    [Fact]
    public async Task A_department_filter_narrows_the_total_to_that_departments_facet_count()
    {
        using var client = host.Client();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/search");
        var expected = FacetCounts(all, "departments")["保健福祉部"];

        var filtered = await client.GetFromJsonAsync<JsonElement>("/api/search?department=保健福祉部");

        Assert.Equal(expected, filtered.GetProperty("total").GetInt32());
        Assert.All(filtered.GetProperty("rows").EnumerateArray(), hit => Assert.Equal("保健福祉部", hit.GetProperty("row").GetProperty("department").GetString()));
        Assert.Equal(["保健福祉部"], FacetCounts(filtered, "departments").Keys);
        Assert.Equal(expected, FacetCounts(filtered, "sections").Values.Sum());
    }

    [Fact]
    public async Task Matches_come_with_highlighted_snippets_whose_text_is_escaped()
    {
        using var client = host.Client();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/search?q=タブレット");

        var snippets = result.GetProperty("rows").EnumerateArray().SelectMany(h => h.GetProperty("snippets").EnumerateArray()).ToList();
        Assert.NotEmpty(snippets);
        Assert.Contains(snippets, s => s.GetProperty("html").GetString()!.Contains("<mark>タブレット</mark>"));
    }

    [Fact]
    public async Task Sorting_by_budget_orders_the_rows_largest_first_with_unknown_budgets_last()
    {
        using var client = host.Client();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/search?sort=budget-desc&top=200");

        var budgets = result.GetProperty("rows").EnumerateArray()
            .Select(h => h.GetProperty("row").GetProperty("budgetThousandYen"))
            .Select(b => b.ValueKind == JsonValueKind.Null ? -1 : b.GetInt64()).ToList();
        Assert.Equal(budgets.OrderByDescending(b => b), budgets);
    }

    [Fact]
    public async Task The_budget_by_department_sums_every_matching_row_not_only_those_returned()
    {
        using var client = host.Client();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/search?top=1");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/search?top=200");

        var expected = all.GetProperty("rows").EnumerateArray().Select(h => h.GetProperty("row"))
            .GroupBy(r => r.GetProperty("department").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("budgetThousandYen") is { ValueKind: JsonValueKind.Number } b ? b.GetInt64() : 0));
        var charted = page.GetProperty("budgetByDepartment").EnumerateArray()
            .ToDictionary(b => b.GetProperty("department").GetString()!, b => b.GetProperty("budgetThousandYen").GetInt64());
        Assert.Equal(expected.OrderBy(e => e.Key), charted.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task The_csv_export_is_utf8_with_a_bom_japanese_headers_and_every_matching_row()
    {
        using var client = host.Client();
        var search = await client.GetFromJsonAsync<JsonElement>("/api/search?department=保健福祉部&sort=budget-desc");

        using var response = await client.GetAsync("/api/search/csv?department=保健福祉部&sort=budget-desc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("番号,柱,柱の名称,整理番号,新規,施策（事業）名称,取組概要,事業費（千円）,事業費（資料の記載）,目標の達成度,取組実績・成果等,部局等名,担当課,資料,行", lines[0]);
        Assert.Equal(search.GetProperty("total").GetInt32(), lines.Length - 1);
        var firstId = search.GetProperty("rows")[0].GetProperty("row").GetProperty("id").GetString();
        Assert.StartsWith(firstId + ",", lines[1]);
    }

    [Fact]
    public async Task The_csv_export_marks_new_projects_with_a_circle_and_leaves_continuing_ones_empty()
    {
        using var client = host.Client();

        var newRows = CsvLines(await client.GetByteArrayAsync("/api/search/csv?new=true"));
        var continuing = CsvLines(await client.GetByteArrayAsync("/api/search/csv?new=false"));

        Assert.NotEmpty(newRows);
        Assert.NotEmpty(continuing);
        Assert.All(newRows, cells => Assert.Equal("〇", cells[4]));
        Assert.All(continuing, cells => Assert.Equal("", cells[4]));
    }

    [Fact]
    public async Task The_csv_file_is_named_after_what_was_exported_in_rfc_5987_encoding()
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/api/search/csv?department=保健福祉部&new=true");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Matches(@"^ict-plan_保健福祉部_新規_\d{4}-\d{2}-\d{2}\.csv$", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''ict-plan_" + Uri.EscapeDataString("保健福祉部"), response.Content.Headers.GetValues("Content-Disposition").Single());
    }

    /// <summary>The data lines of a CSV export (cells split at commas: the checked columns come before any quoted text).</summary>
    private static List<string[]> CsvLines(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();

    [Theory]
    [InlineData("", "部局: 保健福祉部")]
    [InlineData("&lang=en", "Department: 保健福祉部")]
    [InlineData("&q=tablets", "Department: 保健福祉部 / Words: tablets")]
    public async Task The_interpretation_is_described_in_the_asked_language_else_the_words_language_else_japanese(string extra, string expected)
    {
        using var client = host.Client();

        var result = await client.GetFromJsonAsync<JsonElement>("/api/search?department=保健福祉部" + extra);

        Assert.StartsWith(expected, result.GetProperty("interpretation").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/api/search?lang=fr")]
    [InlineData("/api/search?top=0")]
    [InlineData("/api/search?sort=sideways")]
    [InlineData("/api/search?minBudget=10&maxBudget=1")]
    [InlineData("/api/search?achievement=perfect")]
    [InlineData("/api/search/csv?sort=sideways")]
    public async Task A_search_that_cannot_run_is_a_400_problem(string url)
    {
        using var client = host.Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    private static Dictionary<string, int> FacetCounts(JsonElement result, string facet) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());

    [Fact]
    public async Task A_maximum_budget_of_the_largest_number_finds_every_row_with_a_budget_as_a_large_one_does()
    {
        using var client = host.Client();

        var large = await client.GetFromJsonAsync<JsonElement>("/api/search?top=200&maxBudget=1000000000000");
        var largest = await client.GetFromJsonAsync<JsonElement>($"/api/search?top=200&maxBudget={long.MaxValue}");

        Assert.InRange(large.GetProperty("total").GetInt32(), 1, 103);
        Assert.Equal(large.GetProperty("total").GetInt32(), largest.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("111111111111111111111111円以上")]
    [InlineData("9999999999999兆円以上の事業")]
    [InlineData("over 100000000000000 billion yen")]
    public async Task An_amount_beyond_any_budget_is_a_search_for_no_row_not_a_500(string q)
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }
}
