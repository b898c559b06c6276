using System.Text.Json;
using IctPlanAssistant.Serialization;

namespace IctPlanAssistant.Core.Tests.Serialization;

public sealed class PlanJsonTests
{
    private static readonly string[] ContractKeys =
    [
        "id", "section", "sectionTitle", "number", "isNew", "name", "summary", "budgetThousandYen",
        "achievement", "results", "department", "divisions", "source", "line",
    ];

    private static JsonElement ToJson(PlanRow row) => JsonDocument.Parse(PlanJson.Serialize(row)).RootElement;

    [Fact]
    public void Serialize_WritesEveryKeyOfTheRowJsonContract()
    {
        var json = ToJson(TestRows.Sample());

        var keys = json.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(ContractKeys, k => Assert.Contains(k, keys));
    }

    [Fact]
    public void Serialize_WritesTheIdFirst()
    {
        var json = ToJson(TestRows.Sample());

        Assert.Equal("id", json.EnumerateObject().First().Name);
    }

    [Fact]
    public void Serialize_WritesEachContractKeyWithItsType()
    {
        var json = ToJson(TestRows.Sample(divisions: ["農林企画課", "農業振興課"]));

        Assert.Equal("1-2", json.GetProperty("id").GetString());
        Assert.Equal(1, json.GetProperty("section").GetInt32());
        Assert.Equal("復興への取組", json.GetProperty("sectionTitle").GetString());
        Assert.Equal(2, json.GetProperty("number").GetInt32());
        Assert.Equal(JsonValueKind.False, json.GetProperty("isNew").ValueKind);
        Assert.Equal("避難者見守り活動支援事業", json.GetProperty("name").GetString());
        Assert.Equal("タブレット端末を活用した情報共有を行う。", json.GetProperty("summary").GetString());
        Assert.Equal(1943682, json.GetProperty("budgetThousandYen").GetInt64());
        Assert.Equal("計画どおり実施", json.GetProperty("achievement").GetString());
        Assert.Equal("相談活動を実施した。", json.GetProperty("results").GetString());
        Assert.Equal("保健福祉部", json.GetProperty("department").GetString());
        Assert.Equal(["農林企画課", "農業振興課"], json.GetProperty("divisions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("fukushima-ict-action-plan-2017.txt", json.GetProperty("source").GetString());
        Assert.Equal(17, json.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Serialize_WritesAMissingBudgetAsNull()
    {
        var json = ToJson(TestRows.Sample(budget: null));

        Assert.True(json.TryGetProperty("budgetThousandYen", out var budget));
        Assert.Equal(JsonValueKind.Null, budget.ValueKind);
        Assert.Contains("\"budgetThousandYen\":null", PlanJson.Serialize(TestRows.Sample(budget: null)));
    }

    [Fact]
    public void Serialize_LeavesOutThePlanKeyInAOnePlanIndex()
    {
        Assert.False(ToJson(TestRows.Sample()).TryGetProperty("plan", out _));
    }

    [Fact]
    public void Serialize_WritesThePlanAndThePrefixedIdInASeveralPlanIndex()
    {
        var json = ToJson(TestRows.Sample(plan: "2017"));

        Assert.Equal("2017:1-2", json.GetProperty("id").GetString());
        Assert.Equal("2017", json.GetProperty("plan").GetString());
    }

    [Fact]
    public void Serialize_WritesJapaneseAsIsAndEscapesMarkup()
    {
        var text = PlanJson.Serialize(TestRows.Sample(name: "<script>見守り</script>"));

        Assert.Contains("避難者見守り活動支援事業", PlanJson.Serialize(TestRows.Sample()));
        Assert.DoesNotContain("<script>", text);
        Assert.Equal("<script>見守り</script>", JsonDocument.Parse(text).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Deserialize_ReadsWhatSerializeWrote()
    {
        var row = TestRows.Sample(budget: null, plan: "2017", divisions: ["広報課", "災害対策課"]);

        var back = PlanJson.Deserialize<PlanRow>(PlanJson.Serialize(row))!;

        Assert.Equal(row.Id, back.Id);
        Assert.Equal(row.Divisions, back.Divisions);
        Assert.Equal(row with { Divisions = back.Divisions }, back);
    }
}
