namespace IctPlanAssistant.Answers.Conversations;

/// <summary>The <c>Conversations</c> configuration section.</summary>
public sealed class ConversationOptions
{
    public const string Section = "Conversations";

    /// <summary>Memory (default) or Redis.</summary>
    public string Store { get; set; } = "Memory";

    /// <summary>The Redis connection string, when <see cref="Store"/> is Redis.</summary>
    public string? Redis { get; set; }

    /// <summary>A conversation not used for this long is forgotten.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Turns kept per conversation (older ones are dropped).</summary>
    public int MaxTurns { get; set; } = 20;

    /// <summary>Conversations kept in memory at once (the least recently used are dropped).</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Largest stored turn, in bytes: longer lists and texts of a turn are cut to fit (a sum may cite thousands of rows).</summary>
    public int MaxTurnBytes { get; set; } = 16 * 1024;

    /// <summary>How long the answers sent to a channel (to tie a reaction to its question) and the reactions are kept.</summary>
    public TimeSpan FeedbackRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Bytes the memory store keeps in all (the least recently used conversations are dropped).</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}
