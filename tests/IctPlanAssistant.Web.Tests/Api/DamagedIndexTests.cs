using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Ingestion;
using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>
/// A host whose newly published index generation is damaged (4 KB of its stored fields overwritten) keeps serving
/// the last good one: searches answer 200, and /healthz says what is degraded instead of "ok".
/// </summary>
public sealed class DamagedIndexTests : IDisposable
{
    private readonly PlanWebHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_damaged_generation_is_reported_by_healthz_and_searches_go_on_answering_from_the_last_good_one()
    {
        using var client = _host.CreateHttpClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", before.GetProperty("status").GetString());
        var location = new IndexLocation(_host.IndexPath);
        var plans = Directory.CreateTempSubdirectory("ictplan-damaged-").FullName;
        try
        {
            // A new generation of other rows, damaged once published.
            var other = Path.Combine(plans, "other.txt");
            File.WriteAllText(other, "1 復興への取組\n\n整理番号\t新規\t施策（事業）名称\t取組概要\t事業費（千円）\t目標の達成度\t実績・成果等\t部局等名\t担当課\n" +
                "1\t\t別の事業\t別の概要。\t1,000\t計画どおり実施\t実施した。\t企画調整部\t情報政策課\n");
            new PlanIngestor(location).Ingest(PlanSource.Resolve([other]));
            IndexFiles.Damage(location.CurrentGeneration()!, "stored fields");

            var health = await WaitForAsync(client, h => h.GetProperty("status").GetString() == "degraded");

            Assert.Equal(before.GetProperty("generation").GetString(), health.GetProperty("generation").GetString());
            Assert.Contains(health.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("damaged", StringComparison.Ordinal));
            foreach (var q in new[] { "タブレット", "ドローン", "保健福祉部", "新規事業", "1億円以上", "別の事業" })
            {
                using var search = await client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
                Assert.Equal(HttpStatusCode.OK, search.StatusCode);
            }
            using var row = await client.GetAsync("/api/rows/1-2");
            Assert.Equal(HttpStatusCode.OK, row.StatusCode);
        }
        finally
        {
            Directory.Delete(plans, recursive: true);
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, Func<JsonElement, bool> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
            if (condition(health)) return health;
            await Task.Delay(100);
        }
        throw new TimeoutException("/healthz never reported the damaged generation");
    }
}
