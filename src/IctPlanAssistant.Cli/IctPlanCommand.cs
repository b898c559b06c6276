using System.CommandLine;
using IctPlanAssistant.Cli.Commands;

namespace IctPlanAssistant.Cli;

/// <summary>The <c>ictplan</c> root command and its subcommands (DESIGN.md: the command contract).</summary>
internal static class IctPlanCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("IctPlanAssistant: search and ask a prefecture's ICT action plan results.");
        root.Options.Add(CliContext.IndexOption);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(GenerateCorpusCommand.Create());
        root.Subcommands.Add(TeamsPackageCommand.Create());
        return root;
    }
}
