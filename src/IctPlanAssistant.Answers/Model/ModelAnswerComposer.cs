using System.Runtime.CompilerServices;
using System.Text;
using IctPlanAssistant.Answers.BuiltIn;
using IctPlanAssistant.Answers.Checking;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Answers.Prompts;
using IctPlanAssistant.Search;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace IctPlanAssistant.Answers.Model;

/// <summary>
/// Answers with a language model through Semantic Kernel (the answer prompt of <c>prompts/</c>), grounded in the
/// retrieved rows. The model's tokens stream out as they come; the final answer is the checked one
/// (<see cref="AnswerChecker"/>). When the service fails, times out, or writes a figure no cited row supports, the
/// built-in composer answers instead, and the answer says so: the user always gets an answer.
/// </summary>
public sealed class ModelAnswerComposer(
    PromptRunner runner,
    BuiltInAnswerComposer builtIn,
    AnswerChecker checker,
    FollowUpSuggester followUps,
    PlanSearch search,
    ILogger<ModelAnswerComposer> logger) : IAnswerComposer
{
    public async Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken)
    {
        Answer? final = null;
        await foreach (var update in StreamAsync(context, cancellationToken).ConfigureAwait(false)) final = update.Final ?? final;
        return final!;
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var result = context.Retrieval;
        var options = runner.Options;
        var given = ModelInput.RowsFor(result, options.MaxRowsForModel);
        var grounded = new GroundedRows(given.Select(g => g.Row));
        var kernel = runner.Kernel;
        if (options.EnableTools)
        {
            kernel = kernel.Clone();
            kernel.Plugins.AddFromObject(new PlanRowsPlugin(search, grounded, result.Interpretation.Plan), PlanRowsPlugin.Name);
        }
        var arguments = runner.Arguments(PromptSpec.Answer, new Dictionary<string, string>
        {
            ["rows"] = ModelInput.Rows(given),
            ["facts"] = ModelInput.Facts(result),
            ["history"] = ModelInput.History(context.History),
            ["question"] = ModelInput.Text(context.Question),
            ["language"] = ModelInput.Language(result.Interpretation.Language),
        }, options.EnableTools);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        var text = new StringBuilder();
        Exception? failure = null;
        var stream = kernel.InvokeStreamingAsync<StreamingChatMessageContent>(runner[PromptSpec.Answer], arguments, deadline.Token)
            .GetAsyncEnumerator(deadline.Token);
        try
        {
            while (true)
            {
                string? delta;
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false)) break;
                    delta = stream.Current.Content;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // Any failure of the service (refused, 5xx after retries, open circuit, time-out, a reply that
                    // is not the API's JSON): the user gets the built-in answer.
                    failure = e;
                    break;
                }
                if (string.IsNullOrEmpty(delta)) continue;
                text.Append(delta);
                yield return AnswerUpdate.Delta(delta);
            }
        }
        finally
        {
            await DisposeQuietly(stream).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            logger.LogWarning("AI service failed ({Error}: {Message}); answering with the built-in composer", failure.GetType().Name, failure.Message);
            yield return AnswerUpdate.Done(Fallback(context, FallbackReason.ServiceFailed));
            yield break;
        }
        if (text.Length == 0 || string.IsNullOrWhiteSpace(text.ToString()))
        {
            logger.LogWarning("AI service returned an empty answer; answering with the built-in composer");
            yield return AnswerUpdate.Done(Fallback(context, FallbackReason.ServiceFailed));
            yield break;
        }

        var check = checker.Check(text.ToString().Trim(), grounded, result);
        if (!check.Passed)
        {
            yield return AnswerUpdate.Done(Fallback(context, FallbackReason.Unverified));
            yield break;
        }
        var language = result.Interpretation.Language;
        var suggested = await followUps.SuggestAsync(context.Question, check.Text, language, cancellationToken).ConfigureAwait(false);
        var builtInFollowUps = suggested is null ? builtIn.Compose(result).FollowUps : null;
        var selection = RowSelection.Select(result);
        var about = check.Citations.Concat(selection.About).Distinct().ToList();
        yield return AnswerUpdate.Done(new Answer
        {
            Question = context.Question,
            Text = check.Text,
            Citations = check.Citations,
            CitedRows = check.Citations.Select(id => grounded[id]).ToList(),
            Retrieved = result.Rows.Select(r => r.Row.Id).ToList(),
            Near = result.Near.Select(r => r.Row).ToList(),
            Given = grounded.Ids,
            // What a follow-up works on: the rows cited, then the others the question is about.
            About = about,
            AboutCount = Math.Max(selection.Count, about.Count),
            Interpretation = result.Interpretation,
            Source = AnswerSource.Model,
            NoMatch = check.Citations.Count == 0,
            FollowUps = suggested ?? builtInFollowUps ?? [],
        });
    }

    private Answer Fallback(AnswerContext context, FallbackReason reason)
    {
        var answer = builtIn.Compose(context.Retrieval, context.Style);
        return answer with { Question = context.Question, Source = AnswerSource.Fallback, Notice = FallbackNotice.For(reason, answer.Language) };
    }

    private static async ValueTask DisposeQuietly(IAsyncEnumerator<StreamingChatMessageContent> stream)
    {
        try
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The stream already failed (and was logged); closing it cannot fail the answer.
        }
    }
}

public enum FallbackReason
{
    /// <summary>The service failed, timed out or returned nothing.</summary>
    ServiceFailed,

    /// <summary>The model's answer stated a figure no cited row supports.</summary>
    Unverified,
}

/// <summary>What a fallback answer tells the user about how it was made, in the question's language.</summary>
public static class FallbackNotice
{
    public static string For(FallbackReason reason, QueryLanguage language) => (reason, language) switch
    {
        (FallbackReason.ServiceFailed, QueryLanguage.Japanese) => "AIサービスに接続できなかったため、検索結果から自動で作成した回答を表示しています。",
        (FallbackReason.Unverified, QueryLanguage.Japanese) => "AIの回答の数値を計画の表で確認できなかったため、検索結果から自動で作成した回答を表示しています。",
        (FallbackReason.ServiceFailed, _) => "The AI service could not be reached, so this answer was composed directly from the search results.",
        _ => "The AI answer's figures could not be verified against the plan, so this answer was composed directly from the search results.",
    };
}
