namespace IctPlanAssistant.Bot.Hosting;

/// <summary>What the adapter runs for each turn (the SDK's IBot), and what it tells the user when a turn fails (the SDK's OnTurnError).</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);

    Task OnTurnFailedAsync(TurnContext turn, CancellationToken cancellationToken);
}
