using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IctPlanAssistant.Web.Tests.Api;

[Collection(BundledPlanCollection.Name)]
public sealed class RowsAndDocumentTests(BundledPlanHost host)
{
    [Fact]
    public async Task A_row_is_served_with_every_field_and_its_source_line()
    {
        using var client = host.Client();

        var row = await client.GetFromJsonAsync<JsonElement>("/api/rows/1-2");

        Assert.Equal("避難者見守り活動支援事業", row.GetProperty("name").GetString());
        Assert.Equal("fukushima-ict-action-plan-2017.txt", row.GetProperty("source").GetString());
        Assert.True(row.GetProperty("line").GetInt32() > 0);
        foreach (var field in new[] { "id", "section", "sectionTitle", "number", "isNew", "summary", "budgetThousandYen", "achievement", "results", "department", "divisions" })
            Assert.True(row.TryGetProperty(field, out _), field);
    }

    [Theory]
    [InlineData("/api/rows/9-99", HttpStatusCode.NotFound)]
    [InlineData("/api/rows/not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Errors_are_problem_details(string url, HttpStatusCode status)
    {
        using var client = host.Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_http_api()
    {
        using var client = host.Client();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/ask", paths);
        Assert.Contains("/api/search", paths);
        Assert.Contains("/api/search/csv", paths);
        Assert.Contains("/api/rows/{id}", paths);
        Assert.Contains("/healthz", paths);
        Assert.DoesNotContain("/search", paths);
        var ask = document.GetProperty("paths").GetProperty("/api/ask").GetProperty("post").GetProperty("responses");
        Assert.True(ask.TryGetProperty("429", out _));
        Assert.True(ask.TryGetProperty("413", out _));
        var rowId = document.GetProperty("components").GetProperty("schemas").GetProperty("RowId");
        Assert.Equal("string", rowId.GetProperty("type").GetString());
    }
}
