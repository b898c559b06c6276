using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Reliability.Tests;

/// <summary>Random and hostile activities never crash the Bot Framework endpoint: a 4xx or a polite reply, never a 500.</summary>
public sealed class ActivityProperties
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    /// <summary>Activities of every shape: known and unknown types, fields missing or of the wrong JSON kind, hostile text.</summary>
    private static Arbitrary<string> Activities()
    {
        var text = HostileInput.Text(8).Generator;
        var scalar = Gen.OneOf(
            text.Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Choose(-5, 5).Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Constant<JsonNode?>(null),
            Gen.Constant(0).Select(_ => (JsonNode?)JsonValue.Create(true)));
        var account = Gen.OneOf(
            text.Select(id => (JsonNode?)new JsonObject { ["id"] = id, ["name"] = "x" }),
            scalar,
            Gen.Constant(0).Select(_ => (JsonNode?)new JsonArray()));
        var type = Gen.Elements("message", "conversationUpdate", "invoke", "typing", "event", "installationUpdate", "messageReaction", "", "MESSAGE", "endOfConversation")
            .Select(t => (JsonNode?)JsonValue.Create(t));
        var fields = new (string Name, Gen<JsonNode?> Value)[]
        {
            ("type", Gen.OneOf(type, scalar)),
            ("id", scalar),
            ("text", scalar),
            ("channelId", Gen.OneOf(Gen.Elements("msteams", "webchat", "directline", "emulator").Select(c => (JsonNode?)JsonValue.Create(c)), scalar)),
            ("serviceUrl", Gen.OneOf(Gen.Elements("http://127.0.0.1:9/", "https://smba.trafficmanager.net/amer/", "file:///etc/passwd", "http://[::1", "javascript:alert(1)").Select(u => (JsonNode?)JsonValue.Create(u)), scalar)),
            ("deliveryMode", Gen.Elements("expectReplies", "normal", "").Select(m => (JsonNode?)JsonValue.Create(m))),
            ("from", account),
            ("recipient", account),
            ("conversation", account),
            ("membersAdded", Gen.OneOf(account.Select(a => (JsonNode?)new JsonArray(a?.DeepClone())), scalar)),
            ("entities", text.Select(t => (JsonNode?)new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = t, ["mentioned"] = new JsonObject { ["id"] = t } }))),
            ("value", Gen.OneOf(scalar, text.Select(t => (JsonNode?)new JsonObject { ["action"] = new JsonObject { ["verb"] = "showRow", ["data"] = new JsonObject { ["rowId"] = t } } }))),
            ("name", Gen.Elements("adaptiveCard/action", "message/submitAction", "composeExtension/query", "").Select(n => (JsonNode?)JsonValue.Create(n))),
            ("channelData", Gen.OneOf(scalar, Gen.Constant(0).Select(_ => (JsonNode?)new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t" } }))),
            ("unknownField", scalar),
        };
        // Each field present (two times in three) with a generated value, or absent.
        var activity = Gen.Constant(new List<(string, JsonNode?)>());
        foreach (var (name, value) in fields)
        {
            activity = activity.SelectMany(so_far => Gen.Elements(true, true, false).SelectMany(present => value.Select(v =>
                present ? [.. so_far, (name, v)] : so_far)));
        }
        return activity.Select(list =>
        {
            var json = new JsonObject();
            foreach (var (name, value) in list) json[name] = value?.DeepClone();
            return json.ToJsonString();
        }).ToArbitrary();
    }

    [Fact]
    public void Deserialization_OfRandomActivities_ReadsThemOrRefusesWithAJsonError()
    {
        Check.One(Runs, Prop.ForAll(Activities(), json =>
        {
            try
            {
                var activity = JsonSerializer.Deserialize<Activity>(json, BotJson.Options);
                // What was read writes back as JSON again (unknown fields round-trip).
                JsonSerializer.Serialize(activity, BotJson.Options);
                return true;
            }
            catch (JsonException)
            {
                return true;
            }
        }));
    }

    [Fact]
    public async Task Endpoint_OnRandomActivities_NeverAnswersWithAServerError()
    {
        using var work = new TempDirectory();
        await using var host = await WebHostProcess.StartAsync(work.Path, new Dictionary<string, string> { ["Index__Path"] = work.Combine("index") });
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        var failures = new List<string>();
        foreach (var json in Activities().Generator.Sample(80).Append("{").Append("[]").Append("null").Append(new string('[', 10_000)))
        {
            using var response = await client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode}: {json[..Math.Min(json.Length, 300)]}");
        }
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
