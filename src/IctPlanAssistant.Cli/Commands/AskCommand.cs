using System.CommandLine;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Contracts;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace IctPlanAssistant.Cli.Commands;

/// <summary><c>ictplan ask QUESTION [--json] [--plain]</c>: one answer, as Markdown text or as the batch output object.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("QUESTION") { Description = "A question in Japanese or English" };
        var json = new Option<bool>("--json") { Description = "Print the answer as a batch output object" };
        var plain = new Option<bool>("--plain") { Description = "Answer in やさしい日本語 (short sentences, amounts in 億円/万円, official terms explained)" };
        var command = new Command("ask", "Answer a question from the plan, citing the rows it rests on.") { question, json, plain };
        command.SetAction((parse, cancellationToken) =>
        {
            var context = new CliContext(parse);
            return context.RunAsync(() => Execute(context, parse.GetValue(question) ?? "", parse.GetValue(json),
                parse.GetValue(plain) ? AnswerStyle.Plain : AnswerStyle.Standard, cancellationToken));
        });
        return command;
    }

    private static async Task<int> Execute(CliContext context, string question, bool json, AnswerStyle style, CancellationToken cancellationToken)
    {
        await using var services = context.CreateServices();
        var assistant = services.GetRequiredService<PlanAssistant>();
        Answer answer;
        try
        {
            answer = await assistant.AskAsync(new AskRequest(question, Style: style), cancellationToken);
        }
        catch (QuestionRejectedException e)
        {
            return context.Fail(e.Message, ExitCodes.Usage);
        }
        if (json)
        {
            Console.Out.WriteLine(PlanJson.Serialize(AnswerLine.From(null, answer)));
            return ExitCodes.Success;
        }
        context.Error.MarkupLineInterpolated($"[grey]{InterpretationText.Describe(answer.Interpretation)}[/]");
        Console.Out.WriteLine(answer.Text);
        if (answer.Notice is { } notice) context.Error.MarkupLineInterpolated($"[yellow]{notice}[/]");
        if (answer.NearestWords.Count > 0)
            context.Error.MarkupLineInterpolated($"[grey]{(answer.Language == QueryLanguage.Japanese ? "近い言葉" : "Nearest plan words")}: {string.Join(answer.Language == QueryLanguage.Japanese ? "、" : ", ", answer.NearestWords)}[/]");
        return ExitCodes.Success;
    }
}
