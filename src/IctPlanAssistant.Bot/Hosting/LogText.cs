namespace IctPlanAssistant.Bot.Hosting;

/// <summary>Text from a request made safe for a log line: control characters (CR, LF…) shown escaped, so no one can forge a log line.</summary>
public static class LogText
{
    public static string? Safe(string? text) =>
        text is null || !text.Any(char.IsControl)
            ? text
            : string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
