using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>
/// What the bot says when it is added to a chat, team or channel, in the user's language (the activity's locale):
/// what it knows, and at most three questions to start with, the Teams app's prompt starters.
/// </summary>
public static class WelcomeReply
{
    /// <summary>Teams shows no more than three suggested actions well on a phone.</summary>
    public const int MaxSuggestions = 3;

    public static Activity Create(Activity inbound)
    {
        var texts = BotTexts.For(inbound.Locale);
        var starters = PromptStarters.For(texts.Japanese).Take(MaxSuggestions).ToList();
        var reply = inbound.CreateReply();
        reply.Locale = texts.Locale;
        reply.TextFormat = TextFormats.Markdown;
        reply.Text = string.Join("\n", [texts.Welcome, "", .. starters.Select(q => $"- {q}")]);
        reply.SuggestedActions = SuggestedActions.For(reply, starters.Select(q => CardAction.ImBack(q, q)));
        return reply;
    }
}
