using System.CommandLine;
using IctPlanAssistant.Cli.Teams;
using Spectre.Console;

namespace IctPlanAssistant.Cli.Commands;

/// <summary><c>ictplan teams-package --app-id ID --out FILE.zip</c>: the Teams app package of the bot, to upload to Teams.</summary>
internal static class TeamsPackageCommand
{
    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Description = "The bot's Microsoft App ID (Bot:MicrosoftAppId), a GUID", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The zip to write", Required = true };
        var website = new Option<string?>("--website-url") { Description = "The https address of the web pages, shown as the developer's website, privacy and terms pages" };
        var command = new Command("teams-package", "Write the Teams app package (manifest and icons) of the bot.") { appId, output, website };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            if (!Guid.TryParseExact(parse.GetValue(appId)?.Trim(), "D", out var id) || id == Guid.Empty)
                return context.Fail("--app-id must be the bot's Microsoft App ID, a GUID such as 11111111-2222-3333-4444-555555555555", ExitCodes.Usage);
            Uri? site = null;
            if (parse.GetValue(website) is { Length: > 0 } w && (!Uri.TryCreate(w, UriKind.Absolute, out site) || site.Scheme != Uri.UriSchemeHttps))
                return context.Fail("--website-url must be an https address", ExitCodes.Usage);
            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            // Written beside the target and moved into place: a failure leaves no half-written package.
            var temporary = file.FullName + ".tmp";
            using (var stream = File.Create(temporary))
            {
                TeamsAppPackage.Write(stream, id, site);
            }
            File.Move(temporary, file.FullName, overwrite: true);
            context.Error.MarkupLineInterpolated($"Wrote the Teams app package for bot {id} to {file.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
