using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IctPlanAssistant.Testing;

namespace IctPlanAssistant.Web.Tests.Api;

/// <summary>GET /api/suggest over real loopback HTTP, on the host of the bundled plan.</summary>
[Collection(BundledPlanCollection.Name)]
public sealed class SuggestApiTests(BundledPlanHost host)
{
    private async Task<JsonElement> SuggestAsync(string query)
    {
        using var client = host.Client();
        using var response = await client.GetAsync("/api/suggest?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Texts(JsonElement body) =>
        body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();

    [Fact]
    public async Task Kana_typed_before_conversion_is_completed_to_the_plans_words_and_names()
    {
        var tablet = await SuggestAsync("q=" + Uri.EscapeDataString("たぶ"));
        var bousai = await SuggestAsync("q=" + Uri.EscapeDataString("ぼうさい"));
        var aizu = await SuggestAsync("q=" + Uri.EscapeDataString("あいづ"));

        Assert.Equal("たぶ", tablet.GetProperty("q").GetString());
        Assert.Equal(0, tablet.GetProperty("from").GetInt32());
        var first = tablet.GetProperty("suggestions")[0];
        Assert.Equal("タブレット", first.GetProperty("text").GetString());
        Assert.Equal("たぶれっと", first.GetProperty("reading").GetString());
        Assert.Equal("word", first.GetProperty("kind").GetString());
        Assert.True(first.GetProperty("rows").GetInt32() > 0);
        Assert.Equal(["防災事務連絡システム", "防災"], Texts(bousai).Take(2));
        Assert.Equal("name", bousai.GetProperty("suggestions")[0].GetProperty("kind").GetString());
        Assert.Contains("会津大学", Texts(aizu));
    }

    [Fact]
    public async Task The_last_part_of_a_question_is_completed_and_from_says_where_it_starts()
    {
        var body = await SuggestAsync("q=" + Uri.EscapeDataString("保健福祉部 たぶ") + "&limit=3");

        Assert.Equal(6, body.GetProperty("from").GetInt32());
        Assert.InRange(body.GetProperty("suggestions").GetArrayLength(), 1, 3);
        Assert.Equal("タブレット", Texts(body)[0]);
    }

    [Theory]
    [InlineData("q=")]
    [InlineData("q=%20%20")]
    [InlineData("q=zzzzqqqq")]
    [InlineData("q=%3Cscript%3E")]
    public async Task Nothing_to_complete_is_an_empty_list(string query)
    {
        Assert.Empty(Texts(await SuggestAsync(query)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("limit=3")]
    [InlineData("q=%E3%81%9F%E3%81%B6&limit=0")]
    [InlineData("q=%E3%81%9F%E3%81%B6&limit=21")]
    [InlineData("q=%E3%81%9F%E3%81%B6&limit=many")]
    [InlineData("q=%E3%81%9F%00")]
    public async Task A_missing_q_a_bad_limit_or_control_characters_are_a_400(string query)
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/api/suggest?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Text_longer_than_the_cap_is_a_400_problem()
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/api/suggest?q=" + Uri.EscapeDataString(new string('ぼ', 101)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100", (await ProblemJson.ReadAsync(response)).GetProperty("detail").GetString());
    }
}

/// <summary>/api/suggest counts against its own limit (RateLimiting:Suggest), in the design of the other endpoints.</summary>
public sealed class SuggestRateLimitTests : IDisposable
{
    private readonly PlanWebHost _host = new(new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:Suggest:PermitLimit"] = "3",
        ["RateLimiting:Suggest:Window"] = "01:00:00",
    });

    [Fact]
    public async Task Over_its_limit_a_user_gets_a_429_rate_limited_problem_while_search_goes_on()
    {
        using var client = _host.CreateHttpClient();
        (await client.GetAsync("/")).Dispose(); // the page's cookie, as a browser has
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/suggest?q=%E3%81%9F")).StatusCode);

        using var refused = await client.GetAsync("/api/suggest?q=%E3%81%9F%E3%81%B6");
        using var search = await client.GetAsync("/api/search?q=%E3%81%9F%E3%81%B6");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var problem = await ProblemJson.ReadAsync(refused);
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        Assert.Equal("client", problem.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
