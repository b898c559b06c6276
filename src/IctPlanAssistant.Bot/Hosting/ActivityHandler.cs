using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Routes a turn by activity type, as the SDK's ActivityHandler: messages, members added to a conversation,
/// invokes by name; every other type (typing, installationUpdate, messageReaction, event…) is accepted and ignored.
/// A turn from a tenant that is not allowed goes to <see cref="OnTenantRefusedAsync"/> alone.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (turn.TenantRefused) return OnRefusedTenantTurnAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.Message)) return OnMessageAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.ConversationUpdate)) return OnConversationUpdateAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.Invoke)) return OnInvokeAsync(turn, cancellationToken);
        return OnOtherActivityAsync(turn, cancellationToken);
    }

    /// <summary>Tells the user the turn failed: an invoke's error body, or a message; never another failure.</summary>
    public async Task OnTurnFailedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = FailureText(turn);
        if (turn.Activity.IsType(ActivityTypes.Invoke))
        {
            // Universal Actions carry the failure in the body; the HTTP answer stays 200.
            turn.InvokeResponse ??= InvokeResponse.Ok(InvokeResponses.Error(StatusCodes.Status500InternalServerError, text));
            return;
        }
        if (!turn.Activity.IsType(ActivityTypes.Message)) return;
        var reply = turn.Activity.CreateReply();
        reply.Text = text;
        await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken);

    /// <summary>What a user is told when the turn failed.</summary>
    protected abstract string FailureText(TurnContext turn);

    /// <summary>Called when the bot is among the members added (the bot is listed in <c>membersAdded</c> too; PROTOCOL-NOTES.md §4).</summary>
    protected virtual Task OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented());

    protected virtual Task<InvokeResponse> OnMessageSubmitActionAsync(TurnContext turn, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponse.NotImplemented());

    protected virtual Task OnOtherActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A message from a tenant that is not allowed: say, politely, that the bot is not available there.</summary>
    protected virtual Task OnTenantRefusedAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task OnRefusedTenantTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.IsType(ActivityTypes.Message)) return OnTenantRefusedAsync(turn, cancellationToken);
        if (turn.Activity.IsType(ActivityTypes.Invoke)) turn.InvokeResponse = InvokeResponse.Ok(InvokeResponses.Error(StatusCodes.Status403Forbidden, "This bot is not available to your organisation."));
        return Task.CompletedTask; // no welcome, no card action, nothing else
    }

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
