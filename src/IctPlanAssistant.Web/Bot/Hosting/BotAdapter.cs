using IctPlanAssistant.Web.Bot.Authentication;
using IctPlanAssistant.Web.Bot.Connector;
using IctPlanAssistant.Web.Bot.Replies;
using IctPlanAssistant.Web.Bot.Schema;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Bot.Hosting;

/// <summary>
/// Turns a POST to /api/messages into a turn and the turn into the HTTP answer, as the SDK's CloudAdapter does
/// (PROTOCOL-NOTES.md §3): authenticate (401, no detail), read the activity (4xx for what is not one), run the bot,
/// then answer 200, the invoke response, or the buffered replies of <c>expectReplies</c>. A failing turn is
/// logged and apologised for, never answered with a 500.
/// </summary>
public sealed class BotAdapter(
    IOptions<BotOptions> options,
    BotAuthenticator authenticator,
    ConnectorClient connector,
    IBot bot,
    ILogger<BotAdapter> logger)
{
    private readonly BotOptions _options = options.Value;

    public async Task<IResult> ProcessAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var identity = BotIdentity.Anonymous;
        if (_options.AuthenticationEnabled)
        {
            try
            {
                identity = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, cancellationToken).ConfigureAwait(false);
            }
            catch (BotAuthenticationException e)
            {
                return Refuse(e);
            }
        }

        var read = await ActivityReader.ReadAsync(http.Request, _options.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (read.Activity is not { } activity)
        {
            logger.LogInformation("Refused a request to /api/messages with {Status}: {Problem}", read.Status, read.Problem);
            return Results.Problem(read.Problem, statusCode: read.Status);
        }

        try
        {
            BotAuthenticator.Authorize(identity, activity);
        }
        catch (BotAuthenticationException e)
        {
            return Refuse(e);
        }

        if (ActivityReader.NeedsReply(activity) && !activity.ExpectsReplies && !ServiceUrlPolicy.IsTrusted(identity, activity))
        {
            logger.LogWarning("Refused a {Type} activity: its serviceUrl {ServiceUrl} is not one this bot may call ({Mode})",
                activity.Type, activity.ServiceUrl, identity.IsAuthenticated ? "the token names none" : "no app id: loopback only");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var turn = new TurnContext(activity, identity, connector, RequestBase(http.Request));
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "The turn of a {Type} activity in conversation {Conversation} failed", activity.Type, activity.Conversation?.Id);
            await ApologiseAsync(turn, cancellationToken).ConfigureAwait(false);
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

    private IResult Refuse(BotAuthenticationException e)
    {
        logger.LogWarning(e.InnerException, "Refused a request to /api/messages: {Reason}", e.Message);
        return Results.Unauthorized();
    }

    private async Task ApologiseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsType(ActivityTypes.Invoke))
        {
            // Universal Actions carry the failure in the body; the HTTP answer stays 200.
            turn.InvokeResponse ??= InvokeResponse.Ok(InvokeResponses.Error(StatusCodes.Status500InternalServerError, BotTexts.For(turn.Activity.Locale).SomethingWentWrong));
            return;
        }
        if (!turn.Activity.IsType(ActivityTypes.Message)) return;
        try
        {
            var reply = turn.Activity.CreateReply();
            reply.Text = BotTexts.For(turn.Activity.Locale).SomethingWentWrong;
            await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "Could not tell the user of conversation {Conversation} that the turn failed", turn.Activity.Conversation?.Id);
        }
    }

    private static Uri RequestBase(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute);
}
