using System.Buffers;
using System.Globalization;
using System.Text.Json;
using IctPlanAssistant.Serialization;

namespace IctPlanAssistant.Answers.Conversations;

/// <summary>
/// The form a <see cref="ConversationTurn"/> is stored in, by every store: <c>{"v": 1, "turn": {…}}</c> in UTF-8,
/// at most <see cref="ConversationOptions.MaxTurnBytes"/>. Written with whatever fields the record has; cut to size
/// field by field (each list to its first items, each text to its start) so no turn costs more than the bound,
/// whatever a sum cited or a model wrote. Read strictly: a turn of another version, one that lacks a field the record
/// requires, or holds null where the record does not allow it (a broken write, a host of another version in a
/// rolling upgrade) is left out, and the conversation goes on without it.
/// </summary>
public static class StoredTurn
{
    /// <summary>Raised when the stored shape changes so that an older reader would misread it.</summary>
    public const int Version = 1;

    /// <summary>The fewest list items and characters cutting goes down to: ids and short texts survive whole.</summary>
    private const int MinItems = 1, MinChars = 64;

    private static readonly JsonSerializerOptions Strict = new(PlanJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static byte[] Encode(ConversationTurn turn, int maxBytes)
    {
        // Most turns fit whole: written straight from the record, without building its document and walking it (a tenth
        // of a bot turn's CPU). The same bytes as the uncut pass below, but that the time's "+" is written as the
        // serializer writes it, where the document pass escaped it ("\u002B"); both read back as the same turn.
        // The buffer and writer are the thread's, reused (nothing here awaits): only the stored bytes are new.
        var whole = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(whole, WriterOptions);
        whole.ResetWrittenCount();
        writer.Reset(whole);
        try
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WritePropertyName("turn");
            JsonSerializer.Serialize(writer, turn, PlanJson.Options);
            writer.WriteEndObject();
            writer.Flush();
            if (whole.WrittenCount <= maxBytes) return whole.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            // A turn far larger than most is not kept in the thread's buffer.
            if (whole.Capacity > MaxKeptBuffer) t_buffer = null;
        }
        return EncodeCut(turn, maxBytes);
    }

    /// <summary>How a stored turn is written: with the rows' encoder (Japanese as is).</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = PlanJson.Options.Encoder };

    /// <summary>The largest buffer a thread keeps for the next turn.</summary>
    private const int MaxKeptBuffer = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The turn written with its lists and texts cut, shorter each time, until it fits (or can be cut no more).</summary>
    internal static byte[] EncodeCut(ConversationTurn turn, int maxBytes)
    {
        using var turnJson = JsonSerializer.SerializeToDocument(turn, PlanJson.Options);
        for (int items = int.MaxValue, chars = int.MaxValue; ; items = Math.Max(MinItems, Math.Min(items, 400) / 2), chars = Math.Max(MinChars, Math.Min(chars, 8000) / 2))
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteNumber("v", Version);
                writer.WritePropertyName("turn");
                WriteCut(writer, turnJson.RootElement, items, chars);
                writer.WriteEndObject();
            }
            if (buffer.WrittenCount <= maxBytes || (items == MinItems && chars == MinChars)) return buffer.WrittenSpan.ToArray();
        }
    }

    /// <summary>The turn, or null when it is not one this version can read whole.</summary>
    public static ConversationTurn? Decode(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != Version
                || !root.TryGetProperty("turn", out var turn))
                return null;
            return turn.Deserialize<ConversationTurn>(Strict);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Writes <paramref name="json"/> with each list cut to its first <paramref name="items"/> and each text to <paramref name="chars"/> characters.</summary>
    private static void WriteCut(Utf8JsonWriter writer, JsonElement json, int items, int chars)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in json.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteCut(writer, property.Value, items, chars);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in json.EnumerateArray().Take(items)) WriteCut(writer, item, items, chars);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String when json.GetString() is { } text && text.Length > chars:
                writer.WriteStringValue(Start(text, chars));
                break;
            default:
                json.WriteTo(writer);
                break;
        }
    }

    /// <summary>At most <paramref name="chars"/> characters, never splitting a surrogate pair.</summary>
    private static string Start(string text, int chars)
    {
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= chars)
            end = elements.ElementIndex + elements.GetTextElement().Length;
        return text[..end];
    }
}
