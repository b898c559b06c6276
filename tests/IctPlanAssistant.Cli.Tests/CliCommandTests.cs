using System.Text.Json;
using IctPlanAssistant.Tests.Shared;

namespace IctPlanAssistant.Cli.Tests;

/// <summary><c>ictplan ingest</c>, <c>search</c> and <c>export</c> run as real processes on one ingested index.</summary>
public sealed class CliCommandTests(IngestedIndexFixture cli) : IClassFixture<IngestedIndexFixture>
{
    private static readonly string[] RowJsonKeys =
    [
        "id", "section", "sectionTitle", "number", "isNew", "name", "summary", "budgetThousandYen",
        "achievement", "results", "department", "divisions", "source", "line",
    ];

    private static void AssertRowJson(JsonElement row)
    {
        Assert.Equal(JsonValueKind.Object, row.ValueKind);
        var keys = row.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(RowJsonKeys, k => Assert.Contains(k, keys));
        Assert.Equal(JsonValueKind.String, row.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Number, row.GetProperty("section").ValueKind);
        Assert.Equal(JsonValueKind.Number, row.GetProperty("number").ValueKind);
        Assert.Contains(row.GetProperty("isNew").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Contains(row.GetProperty("budgetThousandYen").ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null });
        Assert.Equal(JsonValueKind.Array, row.GetProperty("divisions").ValueKind);
        Assert.Equal(JsonValueKind.Number, row.GetProperty("line").ValueKind);
    }

    [Fact]
    public void Ingest_ExitsZeroAndReports103Rows()
    {
        Assert.True(cli.Ingest.ExitCode == 0, cli.Ingest.ToString());
        Assert.Contains("103 rows", cli.Ingest.Stdout);
        Assert.True(File.Exists(Path.Combine(cli.IndexPath, "current", "manifest.json")));
    }

    [Fact]
    public void Ingest_SummarisesRowsPerSectionAndDepartment()
    {
        foreach (var title in new[] { "復興への取組", "産業振興・地域活性化", "安全・安心、防災への対応", "人材・基盤の育成、強化", "電子自治体・行政サービスの充実" })
            Assert.Contains(title, cli.Ingest.Stdout);
        Assert.Contains("保健福祉部", cli.Ingest.Stdout);
    }

    [Fact]
    public async Task SearchJson_Tablet_ListsRow1_2WithCompleteRowJson()
    {
        var result = await cli.RunAsync("search", "タブレット", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        rows.ForEach(AssertRowJson);
        var row = rows.Single(r => r.GetProperty("id").GetString() == "1-2");
        Assert.Equal(1, row.GetProperty("section").GetInt32());
        Assert.Equal("復興への取組", row.GetProperty("sectionTitle").GetString());
        Assert.Equal(2, row.GetProperty("number").GetInt32());
        Assert.False(row.GetProperty("isNew").GetBoolean());
        Assert.Equal("避難者見守り活動支援事業", row.GetProperty("name").GetString());
        Assert.Contains("タブレット端末", row.GetProperty("summary").GetString());
        Assert.Equal(1943682, row.GetProperty("budgetThousandYen").GetInt64());
        Assert.Equal("計画どおり実施", row.GetProperty("achievement").GetString());
        Assert.Contains("タブレット端末", row.GetProperty("results").GetString());
        Assert.Equal("保健福祉部", row.GetProperty("department").GetString());
        Assert.Equal(["社会福祉課"], row.GetProperty("divisions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("fukushima-ict-action-plan-2017.txt", row.GetProperty("source").GetString());
        Assert.Equal(17, row.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task SearchJson_Top_LimitsTheRows()
    {
        var result = await cli.RunAsync("search", "タブレット", "--json", "--top", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Search_PrintsAReadableTable()
    {
        var result = await cli.RunAsync("search", "見守り");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1-2", result.Stdout);
        Assert.Contains("避難者見守り活動支援事業", result.Stdout);
    }

    [Fact]
    public async Task Export_PrintsOneRowJsonALineFor103RowsInIdOrder()
    {
        var result = await cli.RunAsync("export");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(103, lines.Length);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rows.ForEach(AssertRowJson);
        var ids = rows.Select(r => RowId.Parse(r.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(103, ids.Distinct().Count());
        Assert.Equal([13, 20, 25, 15, 30], ids.GroupBy(i => i.Section).Select(g => g.Count()));
    }

    [Fact]
    public async Task ExportCsv_PrintsAHeaderAnd103RecordsInIdOrder()
    {
        var result = await cli.RunAsync("export", "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var records = Rfc4180.Read(result.Stdout);
        Assert.Equal(104, records.Count);
        Assert.Equal("id", records[0][0]);
        Assert.All(records, r => Assert.Equal(records[0].Length, r.Length));
        var ids = records.Skip(1).Select(r => RowId.Parse(r[0])).ToList();
        Assert.Equal(ids.Order(), ids);
        var row = records.Single(r => r[0] == "4-1");
        Assert.Contains("講座受講者数99名", row[Array.IndexOf(records[0], "results")]);
        Assert.Contains('\n', row[Array.IndexOf(records[0], "results")]); // a quoted field holds line breaks
    }

    [Fact]
    public async Task ExportCsv_AgreesWithExportJsonl()
    {
        var csv = Rfc4180.Read((await cli.RunAsync("export", "--format", "csv")).Stdout);
        var jsonl = (await cli.RunAsync("export")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var header = csv[0];
        for (var i = 0; i < jsonl.Count; i++)
        {
            var record = csv[i + 1];
            Assert.Equal(jsonl[i].GetProperty("id").GetString(), record[Array.IndexOf(header, "id")]);
            Assert.Equal(jsonl[i].GetProperty("name").GetString(), record[Array.IndexOf(header, "name")]);
            var budget = jsonl[i].GetProperty("budgetThousandYen");
            Assert.Equal(budget.ValueKind == JsonValueKind.Null ? "" : budget.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), record[Array.IndexOf(header, "budgetThousandYen")]);
        }
    }
}
