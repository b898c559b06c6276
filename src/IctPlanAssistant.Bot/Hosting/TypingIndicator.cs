using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Shows "typing…" while an answer is written: one typing activity at once, then one every few seconds (Teams
/// hides the indicator after a few seconds), as the SDK's ShowTypingMiddleware. Stopped when the turn sends its
/// message, and disposed when the turn ends however it ends, so no indicator outlives its turn.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    private readonly TypingIndicators _all;
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private int _disposed;

    private TypingIndicator(TypingIndicators all, TurnContext turn, ILogger logger, CancellationToken cancellationToken)
    {
        _all = all;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RepeatAsync(turn, logger, all.Clock, _stop.Token);
    }

    internal static async Task<TypingIndicator> StartAsync(TypingIndicators all, TurnContext turn, ILogger logger, CancellationToken cancellationToken)
    {
        await SendAsync(turn, logger, cancellationToken).ConfigureAwait(false);
        all.Started();
        return new TypingIndicator(all, turn, logger, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _all.Stopped();
    }

    private static async Task RepeatAsync(TurnContext turn, ILogger logger, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
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

/// <summary>The typing indicators of this host: the clock they tick by, and how many are running now.</summary>
public sealed class TypingIndicators(TimeProvider clock)
{
    private int _running;

    public TimeProvider Clock { get; } = clock;

    public int Running => Volatile.Read(ref _running);

    internal void Started() => Interlocked.Increment(ref _running);

    internal void Stopped() => Interlocked.Decrement(ref _running);
}
