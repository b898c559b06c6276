using System.Net;
using System.Text.Json.Nodes;
using IctPlanAssistant.Web.Tests.Bot.Support;
using Microsoft.IdentityModel.Tokens;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>
/// With an app id configured, only requests carrying a valid Bot Connector JWT are served: real RS256 tokens signed
/// by keys the test made, checked against the metadata and JWKS it serves. Everything else is 401, with no reply sent.
/// </summary>
public sealed class BotAuthenticationTests(AuthenticatedBotFixture fixture) : IClassFixture<AuthenticatedBotFixture>
{
    private ConnectorStub Connector => fixture.Connector;

    private TestIssuer Issuer => fixture.Issuer;

    private BotHost Host => fixture.Host;

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_replies_carry_the_bots_own_token()
    {
        var inbound = Activities.TeamsPersonal(Connector.TeamsServiceUrl, "ドローンを活用した事業は？");

        var response = await Host.PostAsync(inbound, Issuer.Token(Connector.TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
