using System.Text.RegularExpressions;
using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Bot.Teams;

/// <summary>
/// In a channel or group chat the user @mentions the bot, and Teams puts <c>&lt;at&gt;Bot name&lt;/at&gt;</c> into
/// the text with a matching mention entity. The question is the text without it (PROTOCOL-NOTES.md §5).
/// </summary>
public static partial class TeamsMentions
{
    /// <summary>
    /// Removes the bot's mentions (text and entity) from the activity, unwraps any other <c>&lt;at&gt;</c> tag to its
    /// name, and returns the question.
    /// </summary>
    public static string RemoveRecipientMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (activity.Entities is { } entities && botId is not null)
        {
            var mine = entities
                .Where(e => string.Equals(e.Type, EntityTypes.Mention, StringComparison.OrdinalIgnoreCase) && e.GetString("mentioned", "id") == botId)
                .ToList();
            foreach (var mention in mine)
            {
                if (mention.GetString("text") is { Length: > 0 } mentionText)
                    text = text.Replace(mentionText, " ", StringComparison.Ordinal);
                entities.Remove(mention);
            }
        }
        text = AtTag().Replace(text, m => m.Groups["name"].Value);
        text = text.Replace('\u00a0', ' ').Trim();
        activity.Text = text;
        return text;
    }

    [GeneratedRegex(@"<at[^>]*>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}
