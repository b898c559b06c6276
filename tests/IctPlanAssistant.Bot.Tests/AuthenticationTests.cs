using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Bot.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace IctPlanAssistant.Bot.Tests;

/// <summary>
/// A host configured as in production but for where the keys come from: Bot:MicrosoftAppId set, the Bot Connector's
/// and Entra's OpenID metadata and JWKS served by the test's issuer on loopback, MSAL's token requests answered
/// locally, and one allowed tenant.
/// </summary>
public sealed class ChannelFixture : IAsyncLifetime
{
    public TestIssuer Issuer { get; } = new();

    public ConnectorStub Connector { get; private set; } = null!;

    public BotTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await ConnectorStub.StartAsync(Issuer);
        Host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestIssuer.AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:MicrosoftAppType"] = "MultiTenant",
            ["Bot:OpenIdMetadataUrl"] = Connector.OpenIdMetadataUrl,
            ["Bot:EntraOpenIdMetadataUrl"] = Connector.EntraOpenIdMetadataUrl,
            ["Bot:PublicBaseUrl"] = "https://ictplan.example.jp/",
            ["Bot:AllowedTenants:0"] = Activities.TenantId,
        }, tokenEndpoint: Connector);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        Issuer.Dispose();
    }
}

/// <summary>
/// With an app id configured, only requests carrying a valid token are served, validated by ASP.NET Core's JwtBearer
/// handler (a scheme for the Bot Connector's issuer, one for Entra's): real RS256 tokens signed by keys the test made,
/// checked against the metadata and JWKS it serves. Everything else is 401, with no reply sent.
/// </summary>
public sealed class AuthenticationTests(ChannelFixture fixture) : IClassFixture<ChannelFixture>
{
    private ConnectorStub Connector => fixture.Connector;

    private TestIssuer Issuer => fixture.Issuer;

    private BotTestHost Host => fixture.Host;

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_replies_carry_the_bots_own_token()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？");

        var response = await Host.PostAsync(inbound, Issuer.Token(Connector.TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message");
        Assert.Equal("Bearer outbound-token-for-botframework.com", reply.Authorization);
    }

    [Fact]
    public async Task The_outbound_token_is_requested_once_and_reused_until_it_expires()
    {
        for (var i = 0; i < 2; i++)
        {
            var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？");
            await Host.PostAsync(inbound, Issuer.Token(Connector.TeamsServiceUrl));
            await Connector.WaitForMessagesAsync(Conversation(inbound));
        }

        Assert.Equal(1, Connector.TokenRequests);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_clock_skew_is_still_accepted()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？");
        var token = Issuer.Token(Connector.TeamsServiceUrl, notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddMinutes(-2));

        var response = await Host.PostAsync(inbound, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public static TheoryData<string> RefusedTokens => new()
    {
        "no token",
        "not a JWT",
        "bad signature",
        "signed by an unpublished key",
        "wrong audience",
        "wrong issuer",
        "expired",
        "not yet valid",
        "serviceUrl mismatch",
        "no serviceurl claim",
        "key not endorsed for the channel",
        "HS256",
        "unsigned (alg none)",
        "Basic scheme",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_request_without_a_valid_token_is_refused_with_401_and_gets_no_reply(string problem)
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？");
        var (scheme, token) = Spoil(problem);

        using var request = new HttpRequestMessage(HttpMethod.Post, Host.MessagesUri) { Content = new StringContent(inbound.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("token", body, StringComparison.OrdinalIgnoreCase); // no detail leaked
        await Task.Delay(200);
        Assert.Empty(Connector.CallsFor(Conversation(inbound)));
    }

    [Fact]
    public async Task A_valid_token_from_an_unknown_channel_is_refused()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？");
        inbound["channelId"] = "slack"; // the key is endorsed for msteams, webchat, directline, emulator

        var response = await Host.PostAsync(inbound, Issuer.Token(Connector.TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task An_entra_token_issued_to_this_bot_is_accepted(string version)
    {
        var inbound = ExpectingReplies(Activities.TeamsPersonal(Connector.TeamsServiceUrl, "hello"));

        var response = await Host.PostAsync(inbound, Issuer.EntraToken(TestIssuer.AppId, version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("echo: hello", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string> RefusedEntraTokens => new()
    {
        "issued to another app (1.0, appid)",
        "issued to another app (2.0, azp)",
        "of an unknown version",
        "from a tenant the bot does not trust",
    };

    [Theory]
    [MemberData(nameof(RefusedEntraTokens))]
    public async Task An_entra_token_not_issued_to_this_bot_is_refused_with_401(string problem)
    {
        var inbound = ExpectingReplies(Activities.TeamsPersonal(Connector.TeamsServiceUrl, "hello"));
        var token = problem switch
        {
            "issued to another app (1.0, appid)" => Issuer.EntraToken("99999999-9999-9999-9999-999999999999", "1.0"),
            "issued to another app (2.0, azp)" => Issuer.EntraToken("99999999-9999-9999-9999-999999999999", "2.0"),
            "of an unknown version" => Issuer.Token(null, issuer: TestIssuer.EntraIssuer(), extraClaims: new Dictionary<string, object> { ["ver"] = "9.9", ["appid"] = TestIssuer.AppId, ["azp"] = TestIssuer.AppId }),
            "from a tenant the bot does not trust" => Issuer.EntraToken(TestIssuer.AppId, "2.0", tenant: "00000000-1111-2222-3333-444444444444"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var response = await Host.PostAsync(inbound, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("echo", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_message_from_a_tenant_that_is_not_allowed_is_answered_politely_and_not_otherwise()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "hello");
        inbound["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "00000000-aaaa-bbbb-cccc-dddddddddddd" } };

        var response = await Host.PostAsync(inbound, Issuer.Token(Connector.TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = (await Connector.WaitForMessagesAsync(Conversation(inbound))).Single(c => c.Type == "message");
        Assert.Equal(ScriptedBot.RefusedMessage, reply.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_that_names_no_tenant_is_refused_when_tenants_are_listed_and_one_of_a_listed_tenant_is_answered()
    {
        var untenanted = ExpectingReplies(Activities.WebChat(Connector.ServiceUrl, "hello"));
        var listed = ExpectingReplies(Activities.TeamsPersonal(Connector.TeamsServiceUrl, "hello"));
        listed["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Activities.TenantId } };

        var refused = await (await Host.PostAsync(untenanted, Issuer.Token(Connector.ServiceUrl))).Content.ReadAsStringAsync();
        var answered = await (await Host.PostAsync(listed, Issuer.Token(Connector.TeamsServiceUrl))).Content.ReadAsStringAsync();

        Assert.Contains(ScriptedBot.RefusedMessage, refused);
        Assert.Contains("echo: hello", answered);
    }

    [Fact]
    public async Task Links_in_replies_are_built_from_the_public_base_url_whatever_host_the_request_named()
    {
        var inbound = ExpectingReplies(Activities.TeamsPersonal(Connector.TeamsServiceUrl, "hello"));
        using var request = new HttpRequestMessage(HttpMethod.Post, Host.MessagesUri) { Content = new StringContent(inbound.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Issuer.Token(Connector.TeamsServiceUrl));
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Proto", "http");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var body = await (await Host.Http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("https://ictplan.example.jp/rows/1-2", body);
        Assert.DoesNotContain("evil.example", body);
    }

    private static JsonObject ExpectingReplies(JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private (string Scheme, string? Token) Spoil(string problem)
    {
        var serviceUrl = Connector.TeamsServiceUrl;
        var now = DateTime.UtcNow;
        return problem switch
        {
            "no token" => ("Bearer", null),
            "not a JWT" => ("Bearer", "not.a.jwt"),
            "bad signature" => ("Bearer", Tamper(Issuer.Token(serviceUrl))),
            "signed by an unpublished key" => ("Bearer", Issuer.Token(serviceUrl, key: Issuer.UnpublishedKey)),
            "wrong audience" => ("Bearer", Issuer.Token(serviceUrl, audience: "99999999-8888-7777-6666-555555555555")),
            "wrong issuer" => ("Bearer", Issuer.Token(serviceUrl, issuer: "https://issuer.invalid")),
            "expired" => ("Bearer", Issuer.Token(serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-15))),
            "not yet valid" => ("Bearer", Issuer.Token(serviceUrl, notBefore: now.AddMinutes(15), expires: now.AddHours(1))),
            "serviceUrl mismatch" => ("Bearer", Issuer.Token("https://smba.trafficmanager.net/elsewhere/")),
            "no serviceurl claim" => ("Bearer", Issuer.Token(null)),
            "key not endorsed for the channel" => ("Bearer", Issuer.Token(serviceUrl, key: Issuer.UnendorsedKey)),
            "HS256" => ("Bearer", Issuer.Token(serviceUrl, key: new SymmetricSecurityKey(new byte[32]) { KeyId = "main-key" }, algorithm: SecurityAlgorithms.HmacSha256)),
            "unsigned (alg none)" => ("Bearer", Unsigned(Issuer.Token(serviceUrl))),
            "Basic scheme" => ("Basic", Issuer.Token(serviceUrl)),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
    }

    /// <summary>The same token with one claim changed after signing.</summary>
    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["extra"] = "tampered";
        parts[1] = Base64UrlEncoder.Encode(payload.ToJsonString());
        return string.Join('.', parts);
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    private static string Unsigned(string jwt)
    {
        var parts = jwt.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        header["alg"] = "none";
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{parts[1]}.";
    }

    private static string Conversation(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>();
}
