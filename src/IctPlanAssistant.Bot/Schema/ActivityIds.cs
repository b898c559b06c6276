namespace IctPlanAssistant.Bot.Schema;

/// <summary>
/// What an id of an activity may be (its own, its conversation's, its sender's, the one it replies to): ids reach URL
/// paths, the <c>x-ms-conversation-id</c> header, store keys and logs, so they are short, free of control characters
/// (CR, LF, NUL), and never a dot segment that would climb out of a URL path.
/// </summary>
public static class ActivityIds
{
    /// <summary>Longest id accepted; Teams' ids run to about 150 characters.</summary>
    public const int MaxLength = 512;

    /// <summary>Why the id cannot be taken, or null when it can.</summary>
    public static string? Problem(string id)
    {
        if (id.Length > MaxLength) return $"is longer than {MaxLength} characters";
        if (id.Any(char.IsControl)) return "holds control characters";
        if (IsDotSegment(id)) return "is a dot segment";
        return null;
    }

    public static bool IsDotSegment(string id) => id is "." or "..";
}
