using System.CommandLine;
using System.Text.RegularExpressions;
using IctPlanAssistant.Cli.Teams;
using Spectre.Console;

namespace IctPlanAssistant.Cli.Commands;

/// <summary>
/// <c>ictplan teams-package --app-id ID --version X.Y.Z --name NAME --developer ORG --website-url URL --privacy-url URL
/// --terms-url URL --out FILE.zip</c>: the Teams app package of the bot. Everything Teams shows about who publishes
/// the app is required: a package never carries a placeholder address.
/// </summary>
internal static partial class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (Bot:MicrosoftAppId), a GUID", Required = true };
        var version = new Option<string>("--version") { Description = "The app's version, MAJOR.MINOR.PATCH (raise it for every package uploaded again)", Required = true };
        var name = new Option<string>("--name") { Description = "The app's short name as Teams shows it (at most 30 characters)", Required = true };
        var developer = new Option<string>("--developer") { Description = "Who publishes the app, as Teams shows it (at most 32 characters)", Required = true };
        var website = new Option<string>("--website-url") { Description = "The https address of the web pages (the developer's website)", Required = true };
        var privacy = new Option<string>("--privacy-url") { Description = "The https address of the privacy statement", Required = true };
        var terms = new Option<string>("--terms-url") { Description = "The https address of the terms of use", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The zip to write", Required = true };
        var command = new Command("teams-package", "Write the Teams app package (manifest and icons) of the bot.") { appId, version, name, developer, website, privacy, terms, output };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            if (!Guid.TryParseExact(parse.GetValue(appId)?.Trim(), "D", out var id) || id == Guid.Empty)
                return context.Fail("--app-id must be the bot's Microsoft App ID, a GUID such as 11111111-2222-3333-4444-555555555555", ExitCodes.Usage);
            var appVersion = parse.GetValue(version)!.Trim();
            if (!SemanticVersion().IsMatch(appVersion))
                return context.Fail("--version must be MAJOR.MINOR.PATCH, such as 1.0.0", ExitCodes.Usage);
            var appName = parse.GetValue(name)!.Trim();
            var publisher = parse.GetValue(developer)!.Trim();
            if (appName.Length is 0 or > 30) return context.Fail("--name must be 1 to 30 characters", ExitCodes.Usage);
            if (publisher.Length is 0 or > 32) return context.Fail("--developer must be 1 to 32 characters", ExitCodes.Usage);
            var urls = new Dictionary<string, Option<string>> { ["--website-url"] = website, ["--privacy-url"] = privacy, ["--terms-url"] = terms };
            var addresses = new Dictionary<string, Uri>();
            foreach (var (option, value) in urls)
            {
                if (!Uri.TryCreate(parse.GetValue(value)?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                    return context.Fail($"{option} must be an https address", ExitCodes.Usage);
                addresses[option] = uri;
            }
            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            // Written beside the target and moved into place: a failure leaves no half-written package.
            var temporary = file.FullName + ".tmp";
            using (var stream = File.Create(temporary))
            {
                TeamsAppPackage.Write(stream, new TeamsAppIdentity(id, appVersion, appName, publisher, addresses["--website-url"], addresses["--privacy-url"], addresses["--terms-url"]));
            }
            File.Move(temporary, file.FullName, overwrite: true);
            context.Error.MarkupLineInterpolated($"Wrote the Teams app package for bot {id} to {file.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }

    [GeneratedRegex(@"^\d{1,5}\.\d{1,5}\.\d{1,5}$")]
    private static partial Regex SemanticVersion();
}
