using System.Text.Json;
using System.Text.Json.Serialization;

namespace IctPlanAssistant.Bot.Schema;

/// <summary>
/// Metadata attached to an activity (<c>mention</c>, <c>clientInfo</c>, the schema.org <c>Message</c> of an AI answer).
/// Its fields differ by type, so they are kept as JSON beside the type.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An entity from a typed record: its JSON object's fields, <c>type</c> taken out into <see cref="Type"/>.</summary>
    public static Entity From<T>(T value)
    {
        var json = JsonSerializer.SerializeToElement(value, BotJson.Options);
        if (json.ValueKind != JsonValueKind.Object) throw new ArgumentException("an entity must serialize to a JSON object", nameof(value));
        var entity = new Entity { Properties = [] };
        foreach (var property in json.EnumerateObject())
        {
            if (property.NameEquals("type")) entity.Type = property.Value.GetString();
            else entity.Properties[property.Name] = property.Value.Clone();
        }
        return entity;
    }

    /// <summary>A string field, at a path of nested objects (<c>"mentioned", "id"</c>); null if there is none.</summary>
    public string? GetString(params string[] path)
    {
        if (path.Length == 0 || Properties is null || !Properties.TryGetValue(path[0], out var node)) return null;
        foreach (var name in path.Skip(1))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node)) return null;
        }
        return node.ValueKind == JsonValueKind.String ? node.GetString() : null;
    }
}

public static class EntityTypes
{
    public const string Mention = "mention";

    /// <summary>The root message entity of Teams' AI label, citations and sensitivity label.</summary>
    public const string SchemaOrgMessage = "https://schema.org/Message";
}
