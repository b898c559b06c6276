using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Tests.Support;

/// <summary>What the test bot does with a message; a test replaces it (to wait, to fail) before it posts.</summary>
public sealed class BotScript
{
    public Func<TurnContext, CancellationToken, Task> OnMessage { get; set; } = EchoAsync;

    /// <summary>A script that says when its turn starts, then answers as <see cref="EchoAsync"/> once <paramref name="answerReady"/> completes.</summary>
    public static Func<TurnContext, CancellationToken, Task> EchoWhen(Task answerReady, TaskCompletionSource? started = null) => async (turn, ct) =>
    {
        started?.TrySetResult();
        await answerReady.WaitAsync(ct);
        await EchoAsync(turn, ct);
    };

    /// <summary>Answers "echo: TEXT" and a link under the turn's public address.</summary>
    public static Task EchoAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply();
        reply.Text = $"echo: {turn.Activity.Text} {new Uri(turn.PublicBaseUri, "rows/1-2").AbsoluteUri}";
        return turn.SendActivityAsync(reply, cancellationToken);
    }
}

/// <summary>
/// The smallest bot that exercises the protocol: messages as the script says, a welcome when added, and a card
/// action that posts a message and answers the invoke (a turn that calls the connector inside the request).
/// </summary>
public sealed class ScriptedBot(BotScript script) : ActivityHandler
{
    public const string FailureMessage = "the turn failed";
    public const string RefusedMessage = "not available to your organisation";

    protected override Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => script.OnMessage(turn, cancellationToken);

    protected override string FailureText(TurnContext turn) => FailureMessage;

    protected override Task OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var welcome = turn.Activity.CreateReply();
        welcome.Text = "welcome";
        return turn.SendActivityAsync(welcome, cancellationToken);
    }

    protected override Task OnTenantRefusedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply();
        reply.Text = RefusedMessage;
        return turn.SendActivityAsync(reply, cancellationToken);
    }

    protected override async Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var shown = turn.Activity.CreateReply();
        shown.Text = "shown";
        await turn.SendActivityAsync(shown, cancellationToken);
        return InvokeResponse.Ok(InvokeResponses.Message("shown"));
    }
}
