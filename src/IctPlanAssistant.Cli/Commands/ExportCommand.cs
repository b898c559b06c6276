using System.CommandLine;
using IctPlanAssistant.Search;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Cli.Commands;

/// <summary><c>ictplan export [--format jsonl|csv]</c>: every indexed row, in id order, as open data.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl (one row JSON a line) or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var command = new Command("export", "Print every indexed row, in id order.") { format };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse);
            return context.Run(() => Execute(context, parse.GetValue(format) ?? "jsonl"));
        });
        return command;
    }

    private static int Execute(CliContext context, string format)
    {
        using var services = context.CreateServices();
        var rows = services.GetRequiredService<PlanSearch>().All();
        var output = Console.Out;
        if (format == "csv")
        {
            PlanRowCsv.Write(output, rows);
        }
        else
        {
            foreach (var row in rows) output.WriteLine(PlanJson.Serialize(row));
        }
        output.Flush();
        return ExitCodes.Success;
    }
}
