using IctPlanAssistant.Web.Bot.Schema;

namespace IctPlanAssistant.Web.Bot.Hosting;

/// <summary>
/// Routes a turn by activity type, as the SDK's ActivityHandler: messages, members added to a conversation,
/// invokes by name; every other type (typing, installationUpdate, messageReaction, event…) is accepted and ignored.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.IsType(ActivityTypes.Message)) return OnMessageAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.ConversationUpdate)) return OnConversationUpdateAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.Invoke)) return OnInvokeAsync(turn, cancellationToken);
        return OnOtherActivityAsync(turn, cancellationToken);
    }

    protected abstract Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>Called when the bot is among the members added (the bot is listed in <c>membersAdded</c> too; PROTOCOL-NOTES.md §4).</summary>
    protected virtual Task OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented());

    protected virtual Task<InvokeResponse> OnMessageSubmitActionAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented());

    protected virtual Task OnOtherActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        var botAdded = turn.Activity.MembersAdded?.Any(m => m.Id is not null && m.Id == botId) == true;
        return botAdded ? OnBotAddedAsync(turn, cancellationToken) : Task.CompletedTask;
    }

    private async Task OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var name = turn.Activity.Name;
        turn.InvokeResponse = name switch
        {
            InvokeNames.AdaptiveCardAction => await OnAdaptiveCardActionAsync(turn, cancellationToken).ConfigureAwait(false),
            InvokeNames.MessageSubmitAction => await OnMessageSubmitActionAsync(turn, cancellationToken).ConfigureAwait(false),
            // The SDK answers 501 to an invoke no handler takes.
            _ => InvokeResponse.NotImplemented(),
        };
    }
}
