using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IctPlanAssistant.Cli.Teams;

/// <summary>Who publishes the app and which bot it is: what <c>ictplan teams-package</c> requires.</summary>
internal sealed record TeamsAppIdentity(Guid AppId, string Version, string Name, string Developer, Uri WebsiteUrl, Uri PrivacyUrl, Uri TermsUrl);

/// <summary>
/// The zip a Teams administrator or user uploads: <c>manifest.json</c> (teams/manifest.json with this bot's app id,
/// version, name and publisher), its English strings, and the two icons. Everything else about the app is in
/// teams/manifest.json, which asks for no permission (the bot uses none).
/// </summary>
internal static class TeamsAppPackage
{
    public static void Write(Stream output, TeamsAppIdentity app)
    {
        var manifest = JsonNode.Parse(Resource("manifest.json"))!.AsObject();
        var id = app.AppId.ToString("D");
        // The bot's app id is also the app's id: one registration, and a package rebuilt later updates the same app.
        manifest["id"] = id;
        manifest["version"] = app.Version;
        manifest["name"]!["short"] = app.Name;
        foreach (var bot in manifest["bots"]!.AsArray()) bot!["botId"] = id;
        var developer = manifest["developer"]!.AsObject();
        developer["name"] = app.Developer;
        developer["websiteUrl"] = app.WebsiteUrl.AbsoluteUri;
        developer["privacyUrl"] = app.PrivacyUrl.AbsoluteUri;
        developer["termsOfUseUrl"] = app.TermsUrl.AbsoluteUri;

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Indented));
        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var file = language!["file"]!.GetValue<string>();
            // The short name is the publisher's choice in every language.
            var strings = JsonNode.Parse(Resource(file))!.AsObject();
            strings["name.short"] = app.Name;
            Add(zip, file, JsonSerializer.SerializeToUtf8Bytes(strings, Indented));
        }
        Add(zip, manifest["icons"]!["color"]!.GetValue<string>(), TeamsAppIcons.Color());
        Add(zip, manifest["icons"]!["outline"]!.GetValue<string>(), TeamsAppIcons.Outline());
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

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
