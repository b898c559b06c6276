using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IctPlanAssistant.Bot.Authentication;

/// <summary>The channels a signing key of the Bot Connector is endorsed for: the <c>endorsements</c> of its JWKS entry.</summary>
internal static class ChannelEndorsements
{
    /// <summary>The key's endorsements; null when the key lists none.</summary>
    public static IReadOnlyList<string>? Of(OpenIdConnectConfiguration configuration, string? kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null) return null;
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).OfType<string>().ToList(),
            _ => [],
        };
    }
}
