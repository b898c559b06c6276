using System.Text.Json;
using System.Text.Json.Nodes;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Answers.Conversations;
using IctPlanAssistant.Bot;
using IctPlanAssistant.Search;
using IctPlanAssistant.Web.Bot.Feedback;
using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Web.Bot.Replies;
using IctPlanAssistant.Bot.Schema;
using IctPlanAssistant.Bot.Teams;
using IctPlanAssistant.Web.Bot.Teams;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Bot;

/// <summary>
/// The plan assistant as a bot: a message is a question answered through <see cref="PlanAssistant"/> in the
/// conversation of the channel (so follow-ups work in Teams threads and chats; a channel's conversations are kept
/// apart from the web chat's); being added is a welcome; a card's "show in full" posts the row; Teams' thumbs
/// up/down are recorded with the answer they judge.
/// </summary>
public sealed class PlanBot(
    PlanAssistant assistant,
    PlanSearch search,
    AnswerReplyBuilder answers,
    FeedbackLog feedback,
    IOptions<AssistantOptions> assistantOptions) : ActivityHandler
{
    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var texts = BotTexts.For(activity.Locale);
        if (CardActionValue.TryReadShowRow(activity.Value, out var rowId))
        {
            await SendRowAsync(turn, rowId, texts, cancellationToken).ConfigureAwait(false);
            return;
        }

        var question = TeamsMentions.RemoveRecipientMention(activity);
        if (question.Length == 0)
        {
            await SayAsync(turn, texts.EmptyQuestion, cancellationToken).ConfigureAwait(false);
            return;
        }

        var conversationId = activity.Conversation!.Id!;
        Answer answer;
        try
        {
            answer = await assistant.AskAsync(new AskRequest(question, ConversationIds.Key(activity.ChannelId!, conversationId)), cancellationToken).ConfigureAwait(false);
        }
        catch (QuestionRejectedException e)
        {
            var max = assistantOptions.Value.MaxQuestionLength;
            await SayAsync(turn, e.Problem == QuestionProblem.TooLong ? texts.QuestionTooLong(question.Length, max) : texts.EmptyQuestion, cancellationToken).ConfigureAwait(false);
            return;
        }

        var sent = await turn.SendActivityAsync(answers.Build(turn, answer), cancellationToken).ConfigureAwait(false);
        await feedback.RememberAnswerAsync(ConversationIds.Key(activity.ChannelId!, conversationId), sent.Id, answer.Question, answer.Citations, cancellationToken).ConfigureAwait(false);
    }

    protected override Task OnBotAddedAsync(TurnContext turn, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(WelcomeReply.Create(turn.Activity), cancellationToken);

    protected override Task OnTenantRefusedAsync(TurnContext turn, CancellationToken cancellationToken) =>
        SayAsync(turn, BotTexts.For(turn.Activity.Locale).NotAvailableToYourOrganisation, cancellationToken);

    protected override string FailureText(TurnContext turn) => BotTexts.For(turn.Activity.Locale).SomethingWentWrong;

    protected override async Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var texts = BotTexts.For(turn.Activity.Locale);
        if (!CardActionValue.TryReadShowRow(turn.Activity.Value, out var rowId))
            return InvokeResponse.Ok(InvokeResponses.Error(StatusCodes.Status400BadRequest, texts.UnknownCardAction));
        var shown = await SendRowAsync(turn, rowId, texts, cancellationToken).ConfigureAwait(false);
        // The card stays as it is (it lists the other rows); the row arrives as a message of its own.
        return InvokeResponse.Ok(InvokeResponses.Message(shown ? texts.RowShown(rowId) : texts.RowNotFound(rowId)));
    }

    protected override async Task<InvokeResponse> OnMessageSubmitActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // {"actionName": "feedback", "actionValue": {"reaction": "like"|"dislike", "feedback": "{\"feedbackText\":\"…\"}"}}
        var value = turn.Activity.Value as JsonObject;
        if (value?["actionName"] is not JsonValue name || !name.TryGetValue(out string? actionName) || actionName != "feedback" || value["actionValue"] is not JsonObject action)
            return InvokeResponse.NotImplemented();
        var reaction = action["reaction"] is JsonValue r && r.TryGetValue(out string? s) ? s : "";
        var conversation = ConversationIds.Key(turn.Activity.ChannelId!, turn.Activity.Conversation!.Id!);
        var recorded = await feedback.RecordAsync(conversation, turn.Activity.ReplyToId, reaction, FeedbackText(action["feedback"]), cancellationToken).ConfigureAwait(false);
        // A reaction to no answer this bot sent is refused rather than pinned on another answer.
        return recorded is null ? new InvokeResponse(StatusCodes.Status400BadRequest) : InvokeResponse.Ok();
    }

    private async Task<bool> SendRowAsync(TurnContext turn, string rowId, BotTexts texts, CancellationToken cancellationToken)
    {
        var row = RowId.TryParse(rowId, out var id) ? search.Get(id) : null;
        if (row is null)
        {
            await SayAsync(turn, texts.RowNotFound(rowId), cancellationToken).ConfigureAwait(false);
            return false;
        }
        var reply = turn.Activity.CreateReply();
        reply.Text = $"[{row.Id}] {ReplyText.OneLine(row.Name)}";
        reply.Attachments = [Attachment.AdaptiveCard(AdaptiveCards.FullRow(row, texts, WebLinks.For(turn)))];
        await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Task SayAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var reply = turn.Activity.CreateReply();
        reply.Text = text;
        return turn.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>The comment of a feedback: Teams sends it as a JSON string <c>{"feedbackText": "…"}</c>, other clients as text or an object.</summary>
    private static string? FeedbackText(JsonNode? node)
    {
        if (node is JsonObject o) return o["feedbackText"]?.ToString();
        if (node is not JsonValue v || !v.TryGetValue(out string? text) || string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text) is JsonObject parsed ? parsed["feedbackText"]?.ToString() : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
