using System.CommandLine;
using System.Text.Json;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Contracts;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace IctPlanAssistant.Cli.Commands;

/// <summary>
/// <c>ictplan batch [--input FILE] [--output FILE]</c>: answers JSON lines of questions, in order; lines that share
/// a conversation id are one conversation (of this run: a store shared through Redis never mixes in another run's
/// turns). A line that cannot be answered, for whatever reason, gets an output line with an error and is reported
/// with its line number; the other lines are answered.
/// </summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = "Question lines (JSON lines); default standard input" };
        var output = new Option<FileInfo?>("--output") { Description = "Answer lines (JSON lines); default standard output" };
        var command = new Command("batch", "Answer JSON lines of questions: {\"id\",\"question\",\"conversation\"} → {\"id\",\"answer\",\"citations\",\"retrieved\"}.") { input, output };
        command.SetAction((parse, cancellationToken) =>
        {
            var context = new CliContext(parse);
            return context.RunAsync(() => Execute(context, parse.GetValue(input), parse.GetValue(output), cancellationToken));
        });
        return command;
    }

    private static async Task<int> Execute(CliContext context, FileInfo? inputFile, FileInfo? outputFile, CancellationToken cancellationToken)
    {
        if (inputFile is { Exists: false }) return context.Fail($"{inputFile.FullName}: no such file", ExitCodes.Usage);
        await using var services = context.CreateServices();
        var assistant = services.GetRequiredService<PlanAssistant>();
        var channel = $"batch-{Guid.NewGuid():N}";
        using var reader = inputFile is null ? new StreamReader(Console.OpenStandardInput()) : inputFile.OpenText();
        // Written to a temporary file and moved into place, so an interrupted run never leaves half an output file.
        var temp = outputFile is null ? null : outputFile.FullName + ".partial";
        await using (var writer = temp is null ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(temp))
        {
            var failures = 0;
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var result = await AnswerLineAsync(assistant, channel, line, number, cancellationToken);
                if (result.Error is not null)
                {
                    failures++;
                    await Console.Error.WriteLineAsync($"{inputFile?.Name ?? "stdin"}:{number}: {result.Error}");
                }
                await writer.WriteLineAsync(PlanJson.Serialize(result));
                await writer.FlushAsync(cancellationToken);
            }
            if (failures > 0)
            {
                await Console.Error.WriteLineAsync($"{failures} line(s) could not be answered.");
            }
            if (temp is null) return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
            writer.Close();
            File.Move(temp, outputFile!.FullName, overwrite: true);
            return failures == 0 ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    private static async Task<AnswerLine> AnswerLineAsync(PlanAssistant assistant, string channel, string line, int number, CancellationToken cancellationToken)
    {
        QuestionLine? question;
        try
        {
            question = PlanJson.Deserialize<QuestionLine>(line);
        }
        catch (JsonException e)
        {
            return AnswerLine.Failed(null, $"not a JSON object: {e.Message}");
        }
        var id = question?.Id ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(question?.Question)) return AnswerLine.Failed(id, "no \"question\"");
        if (question.Conversation is { } conversation && ConversationIds.Problem(conversation) is { } problem)
            return AnswerLine.Failed(id, $"\"conversation\" {problem}");
        try
        {
            var key = question.Conversation is null ? null : ConversationIds.Key(channel, question.Conversation);
            var answer = await assistant.AskAsync(new AskRequest(question.Question, key), cancellationToken);
            return AnswerLine.From(id, answer);
        }
        catch (QuestionRejectedException e)
        {
            return AnswerLine.Failed(id, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One line's failure must not cost the answers of the lines after it.
            return AnswerLine.Failed(id, $"could not be answered ({e.GetType().Name}: {e.Message})");
        }
    }
}
