using IctPlanAssistant.Bot.Authentication;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Hosting;

/// <summary>
/// Whether the host takes a turn now (its rate limits, which need to know who the activity is from): null to take
/// it, or the HTTP answer that refuses it. Registered by the host; without one every turn is taken.
/// </summary>
public interface ITurnAdmission
{
    ValueTask<IResult?> AdmitAsync(HttpContext http, Activity activity, BotIdentity identity);
}
