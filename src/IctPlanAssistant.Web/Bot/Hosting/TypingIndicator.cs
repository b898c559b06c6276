using IctPlanAssistant.Web.Bot.Schema;

namespace IctPlanAssistant.Web.Bot.Hosting;

/// <summary>
/// Shows "typing…" while an answer is written: one typing activity at once, then one every few seconds (Teams
/// hides the indicator after a few seconds), as the SDK's ShowTypingMiddleware. Stopped before the answer is sent.
/// Not used for <c>expectReplies</c>, whose replies all arrive together.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private TypingIndicator(TurnContext turn, ILogger logger, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RepeatAsync(turn, logger, _stop.Token);
    }

    public static async Task<TypingIndicator?> StartAsync(TurnContext turn, ILogger logger, CancellationToken cancellationToken)
    {
        if (turn.Activity.ExpectsReplies) return null;
        await SendAsync(turn, logger, cancellationToken).ConfigureAwait(false);
        return new TypingIndicator(turn, logger, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static async Task RepeatAsync(TurnContext turn, ILogger logger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await SendAsync(turn, logger, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(TurnContext turn, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await turn.SendActivityAsync(turn.Activity.CreateReply(ActivityTypes.Typing), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            // A lost typing indicator is not worth failing the answer for.
            logger.LogDebug(e, "Typing indicator not delivered");
        }
    }
}
