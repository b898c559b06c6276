using System.Reflection;
using System.Text.Json.Nodes;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>
/// The questions a user may start with: the prompt starters of the Teams app (teams/manifest.json, its English in
/// teams/en-us.json), which are also what the welcome suggests, so Teams and the bot never offer two lists.
/// </summary>
public static class PromptStarters
{
    private static readonly Lazy<(IReadOnlyList<string> Japanese, IReadOnlyList<string> English)> Starters = new(Read);

    public static IReadOnlyList<string> For(bool japanese) => japanese ? Starters.Value.Japanese : Starters.Value.English;

    private static (IReadOnlyList<string>, IReadOnlyList<string>) Read()
    {
        var manifest = Resource("manifest.json");
        var english = Resource("en-us.json");
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var japanese = commands.Select(c => c!["title"]!.GetValue<string>()).ToList();
        var translated = Enumerable.Range(0, commands.Count)
            .Select(i => english[$"bots[0].commandLists[0].commands[{i}].title"]?.GetValue<string>() ?? japanese[i]).ToList();
        return (japanese, translated);
    }

    private static JsonNode Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("teams/" + name)
            ?? throw new InvalidOperationException($"teams/{name} is not embedded in the web host");
        return JsonNode.Parse(stream)!;
    }
}
