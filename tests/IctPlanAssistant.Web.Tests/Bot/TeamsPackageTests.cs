using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace IctPlanAssistant.Web.Tests.Bot;

/// <summary>
/// <c>ictplan teams-package</c>, run as a process, writes a Teams app package whose manifest validates against the
/// schema of the manifest version it names (vendored in teams/schema, see its README).
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string AppId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private readonly string _directory = Directory.CreateTempSubdirectory("ictplan-teams-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_package_manifest_validates_against_the_schema_version_it_names()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");
        var version = manifest["manifestVersion"]!.GetValue<string>();
        Assert.EndsWith($"/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());

        AssertValid(Schema(version, "MicrosoftTeams.schema.json"), manifest);
    }

    [Fact]
    public async Task The_schema_check_catches_what_teams_would_refuse()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");
        var schema = Schema(manifest["manifestVersion"]!.GetValue<string>(), "MicrosoftTeams.schema.json");
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        manifest["bots"]![0]!["scopes"] = new JsonArray("channel");
        manifest["accentColor"] = "blue";

        using var json = JsonDocument.Parse(manifest.ToJsonString());
        Assert.False(schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid);
    }

    [Fact]
    public async Task The_english_strings_validate_against_the_localization_schema()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");
        var version = manifest["manifestVersion"]!.GetValue<string>();
        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();
        Assert.Contains(languages, l => l!["languageTag"]!.GetValue<string>() == "en-us");
        Assert.Equal("ja-jp", manifest["localizationInfo"]!["defaultLanguageTag"]!.GetValue<string>());

        foreach (var language in languages)
        {
            var strings = Json(zip, language!["file"]!.GetValue<string>());
            AssertValid(Schema(version, "MicrosoftTeams.Localization.schema.json"), strings);
            // A string for every command the manifest lists.
            var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
            for (var i = 0; i < commands.Count; i++)
                Assert.NotNull(strings[$"bots[0].commandLists[0].commands[{i}].title"]);
        }
    }

    [Fact]
    public async Task The_package_names_the_bot_in_personal_team_and_group_chat_scopes_with_example_commands()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");

        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        var bot = manifest["bots"]!.AsArray().Single()!;
        Assert.Equal(AppId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var commands = bot["commandLists"]![0]!["commands"]!.AsArray();
        Assert.All(commands, c => Assert.EndsWith("？", c!["title"]!.GetValue<string>()));
        var english = Json(zip, "en-us.json");
        for (var i = 0; i < commands.Count; i++)
            Assert.EndsWith("?", english[$"bots[0].commandLists[0].commands[{i}].title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_icons_are_a_192_pixel_colour_png_and_a_32_pixel_white_on_transparent_outline()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");

        var color = Bytes(zip, manifest["icons"]!["color"]!.GetValue<string>());
        var outline = Bytes(zip, manifest["icons"]!["outline"]!.GetValue<string>());

        Assert.Equal((192, 192), PngSize(color));
        Assert.Equal((32, 32), PngSize(outline));
        Assert.True(OutlineIsWhiteOnTransparent(outline));
    }

    [Fact]
    public async Task The_package_says_who_publishes_it_as_given_and_carries_no_placeholder()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");

        Assert.Equal("2.1.0", manifest["version"]!.GetValue<string>());
        Assert.Equal("福島県ICT計画アシスタント", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Equal("福島県 企画調整部", manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal("https://ictplan.example.jp/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.Equal("https://ictplan.example.jp/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://ictplan.example.jp/terms", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
        Assert.Equal("福島県ICT計画アシスタント", Json(zip, "en-us.json")["name.short"]!.GetValue<string>());
        var everything = string.Concat(zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).Select(e => System.Text.Encoding.UTF8.GetString(Bytes(zip, e.FullName))));
        Assert.DoesNotContain("example.com", everything);
        Assert.DoesNotContain(".invalid", everything);
        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", everything);
    }

    [Fact]
    public async Task The_package_asks_for_no_permission_the_bot_does_not_use()
    {
        using var zip = await PackageAsync();
        var manifest = Json(zip, "manifest.json");

        Assert.True(manifest["permissions"] is null || manifest["permissions"]!.AsArray().Count == 0, manifest["permissions"]?.ToJsonString());
    }

    [Fact]
    public async Task An_app_id_that_is_not_a_guid_is_refused()
    {
        var (exit, _) = await RunCliAsync(["teams-package", .. Options(("--app-id", "my-bot")), "--out", Path.Combine(_directory, "bad.zip")]);

        Assert.Equal(2, exit);
        Assert.False(File.Exists(Path.Combine(_directory, "bad.zip")));
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--name")]
    [InlineData("--developer")]
    [InlineData("--website-url")]
    [InlineData("--privacy-url")]
    [InlineData("--terms-url")]
    public async Task Each_of_the_publishers_details_is_required(string missing)
    {
        var file = Path.Combine(_directory, "incomplete.zip");

        var (exit, stderr) = await RunCliAsync(["teams-package", .. Options(without: missing), "--out", file]);

        Assert.NotEqual(0, exit);
        Assert.Contains(missing, stderr);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("--version", "1.0")]
    [InlineData("--privacy-url", "http://ictplan.example.jp/privacy")]
    [InlineData("--name", "名前がとても長いアプリ名前がとても長いアプリ名前がとても長いアプリ")]
    public async Task A_detail_teams_would_refuse_is_refused_with_the_option_to_fix(string option, string value)
    {
        var file = Path.Combine(_directory, "bad.zip");

        var (exit, stderr) = await RunCliAsync(["teams-package", .. Options((option, value)), "--out", file]);

        Assert.Equal(2, exit);
        Assert.Contains(option, stderr);
        Assert.False(File.Exists(file));
    }

    /// <summary>Every option a package needs, with the given ones replaced.</summary>
    private static string[] Options(params (string Option, string Value)[] replaced) => Options(null, replaced);

    /// <summary>Every option a package needs but <paramref name="without"/>, with the given ones replaced.</summary>
    private static string[] Options(string? without, params (string Option, string Value)[] replaced)
    {
        var options = new Dictionary<string, string>
        {
            ["--app-id"] = AppId,
            ["--version"] = "2.1.0",
            ["--name"] = "福島県ICT計画アシスタント",
            ["--developer"] = "福島県 企画調整部",
            ["--website-url"] = "https://ictplan.example.jp/",
            ["--privacy-url"] = "https://ictplan.example.jp/privacy",
            ["--terms-url"] = "https://ictplan.example.jp/terms",
        };
        foreach (var (option, value) in replaced) options[option] = value;
        if (without is not null) options.Remove(without);
        return [.. options.SelectMany(o => new[] { o.Key, o.Value })];
    }

    private async Task<ZipArchive> PackageAsync()
    {
        var file = Path.Combine(_directory, $"{Guid.NewGuid():N}.zip");
        var (exit, stderr) = await RunCliAsync(["teams-package", .. Options(), "--out", file]);
        Assert.True(exit == 0, stderr);
        return ZipFile.OpenRead(file);
    }

    private static async Task<(int Exit, string Stderr)> RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(CliPath());
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }

    /// <summary>The CLI as built beside its own dependencies (the project reference builds it in the same configuration).</summary>
    private static string CliPath()
    {
        var path = IctPlanAssistant.Testing.RepositoryPaths.CliDll;
        Assert.True(File.Exists(path), $"the CLI is not built at {path}");
        return path;
    }

    /// <summary>
    /// The vendored schema. It declares draft-04, which the validator does not implement; the keywords it uses
    /// (no boolean exclusiveMinimum/Maximum, no "id") mean the same in draft-07, so it is evaluated as draft-07.
    /// </summary>
    private static JsonSchema Schema(string version, string file)
    {
        var path = Path.Combine(IctPlanAssistant.Testing.RepositoryPaths.Root, "teams", "schema", $"v{version}", file);
        Assert.True(File.Exists(path), $"no vendored schema for manifest version {version}: {path}");
        var schema = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", schema["$schema"]!.GetValue<string>());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static void AssertValid(JsonSchema schema, JsonObject document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    private static JsonObject Json(ZipArchive zip, string name) => JsonNode.Parse(Bytes(zip, name))!.AsObject();

    private static byte[] Bytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Decodes the (unfiltered RGBA) PNG the project writes and checks every pixel is transparent or white.</summary>
    private static bool OutlineIsWhiteOnTransparent(byte[] png)
    {
        var (width, height) = PngSize(png);
        Assert.Equal(6, png[25]); // RGBA
        using var data = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT") data.Write(png, offset + 8, length);
            offset += 12 + length;
        }
        data.Position = 0;
        using var zlib = new ZLibStream(data, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var pixels = raw.ToArray();
        var opaque = 0;
        for (var y = 0; y < height; y++)
        {
            Assert.Equal(0, pixels[y * (width * 4 + 1)]);
            for (var x = 0; x < width; x++)
            {
                var i = y * (width * 4 + 1) + 1 + x * 4;
                if (pixels[i + 3] == 0) continue;
                opaque++;
                if (pixels[i] != 255 || pixels[i + 1] != 255 || pixels[i + 2] != 255) return false;
            }
        }
        return opaque > 0 && opaque < width * height;
    }
}
