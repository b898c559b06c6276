using System.Security.Cryptography;
using System.Text;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>
/// Conversation ids: what a channel may send (short, no control characters: an id reaches keys, headers and logs),
/// the key a conversation is kept under (one space per channel, so a web chat id never names a Teams conversation),
/// and the bounded form every store uses.
/// </summary>
public static class ConversationIds
{
    /// <summary>Longest id a channel may name a conversation with (Teams channel ids run to about 100 characters).</summary>
    public const int MaxLength = 256;

    /// <summary>Why an id cannot be used, or null when it can.</summary>
    public static string? Problem(string id, int maxLength = MaxLength)
    {
        if (id.Length == 0) return "is empty";
        if (id.Length > maxLength) return $"is longer than {maxLength} characters";
        if (id.Any(char.IsControl)) return "holds control characters (CR, LF, NUL…)";
        return null;
    }

    /// <summary>The key of a channel's conversation: <c>web:…</c>, <c>msteams:…</c>, <c>batch:…</c>.</summary>
    public static string Key(string channel, string id) => $"{channel}:{id}";

    /// <summary>
    /// The key a store keeps a conversation under: the key itself when it is usable, else a hash of it, so a store
    /// never holds a key longer than a few hundred characters nor one with control characters, whoever called it.
    /// </summary>
    public static string StoreKey(string key) =>
        Problem(key, MaxLength + 32) is null ? key : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
