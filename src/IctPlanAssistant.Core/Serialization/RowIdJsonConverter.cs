using System.Text.Json;
using System.Text.Json.Serialization;

namespace IctPlanAssistant.Serialization;

/// <summary>Writes a <see cref="RowId"/> as its contract string (<c>1-2</c>, <c>2017:1-2</c>).</summary>
public sealed class RowIdJsonConverter : JsonConverter<RowId>
{
    public override RowId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RowId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException($"'{reader.GetString()}' is not a row id");

    public override void Write(Utf8JsonWriter writer, RowId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
