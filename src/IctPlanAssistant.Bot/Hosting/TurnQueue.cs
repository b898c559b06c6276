using System.Threading.Channels;
using IctPlanAssistant.Bot.Connector;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Turns acknowledged at once and answered in the background, as the Agents SDK does: a channel gives up on a
/// request after about 15 s, and an answer through a model may take 60. Bounded: when it is full the channel is
/// told to come back later (503) rather than the host holding ever more turns.
/// </summary>
public sealed class TurnQueue(IOptions<BotOptions> options)
{
    private readonly Channel<TurnContext> _turns = Channel.CreateBounded<TurnContext>(new BoundedChannelOptions(Math.Max(1, options.Value.ReplyQueueCapacity))
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Turns waiting for a worker.</summary>
    public int Waiting => _turns.Reader.Count;

    public bool TryEnqueue(TurnContext turn) => _turns.Writer.TryWrite(turn);

    internal ChannelReader<TurnContext> Reader => _turns.Reader;
}

/// <summary>
/// Answers the queued turns, <c>Bot:ReplyWorkers</c> at a time. On shutdown the turns under way are cancelled (their
/// typing indicators stop with them) and those still waiting are dropped: the channel has its 202 and the user sees
/// no answer, as when a host dies.
/// </summary>
internal sealed class TurnWorker(TurnQueue queue, TurnRunner runner, IOptions<BotOptions> options, ILogger<TurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.ReplyWorkers)).Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), CancellationToken.None)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await runner.RunAsync(turn, stoppingToken).ConfigureAwait(false);
                }
                catch (BotCredentialException)
                {
                    // Logged where the token was refused, and shown by /healthz; the next turn may find them working again.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            if (queue.Waiting > 0) logger.LogWarning("Shutting down with {Count} turn(s) not answered", queue.Waiting);
        }
    }
}
