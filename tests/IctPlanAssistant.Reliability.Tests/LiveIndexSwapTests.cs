using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IctPlanAssistant.Reliability.Tests;

/// <summary>A serving host picks up a newly ingested index without failing a request.</summary>
public sealed class LiveIndexSwapTests
{
    [Fact]
    public async Task RequestsDuringIngests_AllSucceed_AndTheHostServesTheNewIndex()
    {
        using var work = new TempDirectory();
        var index = work.Combine("index");
        var corpus = work.Combine("corpus");
        Assert.Equal(0, (await ProcessRunner.IctplanAsync(work.Path, null, "generate-corpus", "--rows", "400", "--out", corpus, "--rows-per-document", "200")).ExitCode);
        await using var host = await WebHostProcess.StartAsync(work.Path, new Dictionary<string, string> { ["Index__Path"] = index });
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(103, await RowsAsync(client));

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var requests = 0;
        var load = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = worker % 2 == 0
                    ? await client.GetAsync("/api/search?q=%E3%82%BF%E3%83%96%E3%83%AC%E3%83%83%E3%83%88&top=5")
                    : await client.PostAsJsonAsync("/api/ask", new { question = "ロボットを使っている事業は？" });
                Interlocked.Increment(ref requests);
                if (response.StatusCode != HttpStatusCode.OK)
                    lock (failures) failures.Add($"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode}");
            }
        })).ToList();

        var synthetic = await ProcessRunner.IctplanAsync(work.Path, null, "ingest", "--index", index, "--source", corpus);
        Assert.True(synthetic.ExitCode == 0, synthetic.ToString());
        await WaitForRowsAsync(client, 400);
        var bundled = await ProcessRunner.IctplanAsync(work.Path, null, "ingest", "--index", index);
        Assert.True(bundled.ExitCode == 0, bundled.ToString());
        await WaitForRowsAsync(client, 103);
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(requests > 10, $"only {requests} requests were made during the swaps");
    }

    private static async Task<int> RowsAsync(HttpClient client)
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
        return health.GetProperty("rows").GetInt32();
    }

    private static async Task WaitForRowsAsync(HttpClient client, int rows)
    {
        for (var attempt = 0; attempt < 100 && await RowsAsync(client) != rows; attempt++) await Task.Delay(100);
        Assert.Equal(rows, await RowsAsync(client));
    }
}
