using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IctPlanAssistant.Cli.Teams;

/// <summary>
/// The zip a Teams administrator or user uploads: <c>manifest.json</c> (teams/manifest.json with this bot's app id),
/// its English strings, and the two icons. Everything else about the app is in teams/manifest.json.
/// </summary>
internal static class TeamsAppPackage
{
    public const string PlaceholderId = "00000000-0000-0000-0000-000000000000";

    public static void Write(Stream output, Guid appId, Uri? websiteUrl)
    {
        var manifest = JsonNode.Parse(Resource("manifest.json"))!.AsObject();
        var id = appId.ToString("D");
        // The bot's app id is also the app's id: one registration, and a package rebuilt later updates the same app.
        manifest["id"] = id;
        foreach (var bot in manifest["bots"]!.AsArray()) bot!["botId"] = id;
        if (websiteUrl is not null)
        {
            var developer = manifest["developer"]!.AsObject();
            foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" }) developer[key] = websiteUrl.AbsoluteUri;
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var file = language!["file"]!.GetValue<string>();
            Add(zip, file, Resource(file));
        }
        Add(zip, manifest["icons"]!["color"]!.GetValue<string>(), TeamsAppIcons.Color());
        Add(zip, manifest["icons"]!["outline"]!.GetValue<string>(), TeamsAppIcons.Outline());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("teams/" + name)
            ?? throw new InvalidOperationException($"teams/{name} is not embedded in the ictplan assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
