using IctPlanAssistant.Bot.Authentication;
using IctPlanAssistant.Bot.Connector;
using IctPlanAssistant.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Turns a POST to /api/messages into a turn and the turn into the HTTP answer, as the SDK's CloudAdapter does
/// (PROTOCOL-NOTES.md §3). The token was validated before (the JwtBearer schemes of <see cref="BotSchemes"/>); here:
/// read the activity (4xx for what is not one), check it against the token (401), the serviceUrl the bot may call
/// (403), the host's rate limits (<see cref="ITurnAdmission"/>) and the allowed tenants. A message or a
/// conversation update is then acknowledged at once (202) and answered in the background (<see cref="TurnQueue"/>);
/// an invoke and an <c>expectReplies</c> turn, whose answer is the HTTP body, run in the request. A failing turn is
/// logged and apologised for, never answered with a 500; failing bot credentials are a 502.
/// </summary>
public sealed class BotAdapter(
    IOptions<BotOptions> options,
    ConnectorClient connector,
    TurnRunner runner,
    TurnQueue queue,
    BotPublicAddress publicAddress,
    IEnumerable<ITurnAdmission> admissions,
    ILogger<BotAdapter> logger)
{
    private readonly BotOptions _options = options.Value;

    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var identity = BotIdentity.From(http.User);
        var read = await ActivityReader.ReadAsync(http.Request, _options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (read.Activity is not { } activity)
        {
            logger.LogInformation("Refused a request to /api/messages with {Status}: {Problem}", read.Status, read.Problem);
            return Results.Problem(read.Problem, statusCode: read.Status);
        }
        if (identity.RefusalOf(activity) is { } refusal)
        {
            logger.LogWarning("Refused a request to /api/messages: {Reason}", refusal);
            return Results.Unauthorized();
        }
        if (ActivityReader.NeedsReply(activity) && !activity.ExpectsReplies && !ServiceUrlPolicy.IsTrusted(identity, activity))
        {
            logger.LogWarning("Refused a {Type} activity: its serviceUrl {ServiceUrl} is not one this bot may call ({Mode})",
                activity.Type, LogText.Safe(activity.ServiceUrl), identity.IsAuthenticated ? "the token names none" : "no app id: loopback only");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        foreach (var admission in admissions)
        {
            if (await admission.AdmitAsync(http, activity, identity).ConfigureAwait(false) is { } refused) return refused;
        }

        var turn = new TurnContext(activity, identity, connector, publicAddress.BaseUri) { TenantRefused = !TenantPolicy.IsAllowed(_options, activity) };
        if (turn.TenantRefused)
            logger.LogWarning("A {Type} activity from tenant {Tenant}, which Bot:AllowedTenants does not list: refused", activity.Type, LogText.Safe(TenantPolicy.TenantOf(activity)) ?? "(none)");
        if (AnsweredInBackground(turn))
        {
            if (queue.TryEnqueue(turn)) return Results.StatusCode(StatusCodes.Status202Accepted);
            logger.LogWarning("Refused a {Type} activity: {Count} turns are waiting already", activity.Type, queue.Waiting);
            http.Response.Headers.RetryAfter = "5";
            return Results.Problem("The bot is answering many turns; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            await runner.RunAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (BotCredentialException)
        {
            // Logged where the token was refused; the channel learns that the bot, not the request, failed.
            return Results.Problem("The bot cannot reach the channel: its credentials were refused.", statusCode: StatusCodes.Status502BadGateway);
        }
        if (activity.IsType(ActivityTypes.Invoke))
        {
            var invoke = turn.InvokeResponse ?? InvokeResponse.NotImplemented();
            return invoke.Body is null ? Results.StatusCode(invoke.Status) : Results.Json(invoke.Body, BotJson.Options, statusCode: invoke.Status);
        }
        if (activity.ExpectsReplies)
            return Results.Json(new ExpectedReplies(turn.BufferedReplies), BotJson.Options, statusCode: StatusCodes.Status200OK);
        return Results.Ok();
    }

    /// <summary>A message or a conversation update sent back through the connector: the answer may take longer than the channel waits.</summary>
    private static bool AnsweredInBackground(TurnContext turn) =>
        !turn.ExpectsReplies && (turn.Activity.IsType(ActivityTypes.Message) || turn.Activity.IsType(ActivityTypes.ConversationUpdate));
}
