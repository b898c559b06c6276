using System.Buffers;
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

    /// <summary>
    /// The length of <paramref name="value"/>'s JSON in bytes, as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/>
    /// writes it, counted without keeping the bytes: every bot answer is measured against Teams' limit before it is sent.
    /// </summary>
    public static int Utf8Length<T>(T value)
    {
        var counter = t_counter ??= new ByteCounter();
        var writer = t_writer ??= new Utf8JsonWriter(counter, WriterOptions);
        counter.Count = 0;
        writer.Reset(counter);
        try
        {
            JsonSerializer.Serialize(writer, value, Options);
            writer.Flush();
            return counter.Count;
        }
        finally
        {
            writer.Reset();
        }
    }

    /// <summary>The writer the serializer makes for these options (indentation and depth included; validation does not change the bytes).</summary>
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        MaxDepth = Options.MaxDepth,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ByteCounter? t_counter;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Counts what is written into it; the bytes themselves are written over in one scratch buffer.</summary>
    private sealed class ByteCounter : IBufferWriter<byte>
    {
        private byte[] _scratch = new byte[4096];

        public int Count { get; set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > _scratch.Length) _scratch = new byte[Math.Max(sizeHint, 2 * _scratch.Length)];
            return _scratch;
        }
    }
}
