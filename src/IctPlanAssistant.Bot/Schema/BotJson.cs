using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IctPlanAssistant.Bot.Schema;

/// <summary>How activities are written and read: camelCase, no nulls, Japanese written as UTF-8 rather than escaped.</summary>
public static class BotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Teams limits a message by its size in bytes: \uXXXX escapes would double the cost of Japanese text.
        // Activities are JSON bodies, never embedded in HTML, so the relaxed encoder is safe here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static int Utf8Length<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options).Length;
}
