namespace IctPlanAssistant.Web.Bot.Hosting;

/// <summary>What the adapter runs for each turn (the SDK's IBot).</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
