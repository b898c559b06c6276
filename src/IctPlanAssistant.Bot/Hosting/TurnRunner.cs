using IctPlanAssistant.Bot.Connector;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Runs one turn the same way on every path (in the request, or in the background): the bot of a fresh scope, the
/// typing indicator while a message is answered through the connector, a failure logged and told to the user, and
/// the indicator disposed whatever happens. A credential failure is left to the caller: no reply can be sent then.
/// </summary>
public sealed class TurnRunner(IServiceScopeFactory scopes, TypingIndicators typing, ILogger<TurnRunner> logger)
{
    /// <exception cref="BotCredentialException">The bot's credentials failed: nothing can be sent.</exception>
    public async Task RunAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        try
        {
            if (!turn.ExpectsReplies && turn.Activity.IsType(ActivityTypes.Message) && !turn.TenantRefused)
                turn.Typing = await TypingIndicator.StartAsync(typing, turn, logger, cancellationToken).ConfigureAwait(false);
            await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not BotCredentialException && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            logger.LogError(e, "The turn of a {Type} activity in conversation {Conversation} failed", turn.Activity.Type, turn.Activity.Conversation?.Id);
            await TellFailureAsync(bot, turn, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (turn.Typing is { } indicator) await indicator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task TellFailureAsync(IBot bot, TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await bot.OnTurnFailedAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or BotCredentialException)
        {
            logger.LogWarning(e, "Could not tell the user of conversation {Conversation} that the turn failed", turn.Activity.Conversation?.Id);
        }
    }
}
