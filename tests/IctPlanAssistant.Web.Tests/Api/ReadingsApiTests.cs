using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IctPlanAssistant.Web.Tests.Api;

[Collection(BundledPlanCollection.Name)]
public sealed class ReadingsApiTests(BundledPlanHost host)
{
    [Fact]
    public async Task Each_text_comes_back_as_segments_with_readings_over_kanji_only()
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/readings", new { texts = new[] { "会津の見守り", "タブレット", "<b>浜通り</b>" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var readings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readings");
        Assert.Equal(3, readings.GetArrayLength());
        Assert.Equal("""[{"text":"会津","reading":"あいづ"},{"text":"の"},{"text":"見守","reading":"みまも"},{"text":"り"}]""", readings[0].GetRawText());
        Assert.Equal("""[{"text":"タブレット"}]""", readings[1].GetRawText());
        // Markup is text like any other: the page writes segments as text nodes.
        Assert.Equal("<b>浜通り</b>", string.Concat(readings[2].EnumerateArray().Select(s => s.GetProperty("text").GetString())));
    }

    [Theory]
    [InlineData(201, 1)]
    [InlineData(1, 20_001)]
    public async Task Too_many_texts_or_too_much_text_is_a_400_problem(int count, int length)
    {
        using var client = host.Client();

        using var response = await client.PostAsJsonAsync("/api/readings", new { texts = Enumerable.Repeat(new string('字', length), count) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemJson.ReadAsync(response);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"texts":[null,""]}""")]
    public async Task No_texts_or_empty_ones_are_answered_politely(string body)
    {
        using var client = host.Client();

        using var response = await client.PostAsync("/api/readings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        using var client = host.Client();

        using var response = await client.PostAsync("/api/readings", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
