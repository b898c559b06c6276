using System.Text.Json.Nodes;
using IctPlanAssistant.Answers;
using IctPlanAssistant.Bot;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Bot.Hosting;
using IctPlanAssistant.Bot.Schema;
using IctPlanAssistant.Bot.Teams;
using IctPlanAssistant.Web.Bot.Teams;
using Microsoft.Extensions.Options;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>
/// An answer as a channel message: the Markdown text, a card of the cited rows, follow-up questions as suggested
/// actions; in Teams also the native citations (<c>[n]</c> markers and claims), the feedback buttons and, when a
/// language model wrote the answer, the AI-generated label. Outside Teams the text keeps its <c>[S-N]</c>.
/// The message stays under Teams' size limit: a long text is cut with a link to the web page, and the card
/// loses rows before the text loses more.
/// </summary>
public sealed class AnswerReplyBuilder(IOptions<BotOptions> options)
{
    /// <summary>Teams refuses a message of more than about 28 KB (text, card and entities together); this leaves room for the envelope.</summary>
    public const int MaxActivityBytes = 24 * 1024;

    public const int MaxFollowUps = 3;
    public const int MaxCardRows = 10;
    public const int MaxRelatedRows = 5;

    private readonly BotOptions _options = options.Value;

    public Activity Build(TurnContext turn, Answer answer)
    {
        var texts = BotTexts.For(answer.Language == QueryLanguage.Japanese);
        var links = WebLinks.For(turn);
        var maxText = Math.Max(200, _options.MaxReplyTextLength);
        var cardRows = MaxCardRows;
        while (true)
        {
            var reply = Compose(turn, answer, texts, links, maxText, cardRows);
            if (BotJson.Utf8Length(reply) <= MaxActivityBytes) return reply;
            // Too large: fewer rows on the card first (the text carries the answer), then a shorter text.
            if (cardRows > 0) cardRows /= 2;
            else if (maxText > 500) maxText /= 2;
            else return reply;
        }
    }

    private Activity Compose(TurnContext turn, Answer answer, BotTexts texts, WebLinks links, int maxText, int cardRows)
    {
        var reply = turn.Activity.CreateReply();
        reply.Locale = texts.Locale;
        reply.TextFormat = TextFormats.Markdown;
        reply.InputHint = InputHints.AcceptingInput;

        var text = answer.Text;
        IReadOnlyList<CitationClaim> claims = [];
        if (turn.IsTeams)
            (text, claims) = TeamsCitations.Apply(answer, id => links.IsHttps ? links.Row(id) : null);
        if (!string.IsNullOrWhiteSpace(answer.Notice)) text += $"\n\n_{answer.Notice.Trim()}_";
        if (text.Length > maxText)
        {
            text = ReplyText.CutAtBoundary(text, maxText) + "\n\n" + texts.AnswerCut(links.Search(answer.Question));
            // A claim whose marker was cut away would point at nothing.
            claims = claims.Where(c => text.Contains($"[{c.Position}]", StringComparison.Ordinal)).ToList();
        }
        reply.Text = text;

        var aiLabel = answer.Source == AnswerSource.Model;
        if (aiLabel || claims.Count > 0)
            reply.Entities = [Entity.From(new AiMessageEntity(aiLabel ? [AiMessageEntity.AiGeneratedContent] : null, claims.Count > 0 ? claims : null))];

        if (answer.CitedRows.Count > 0 && cardRows > 0)
            reply.Attachments = [Attachment.AdaptiveCard(AdaptiveCards.CitedRows(answer.CitedRows, texts, links, answer.Question, cardRows))];
        // Nothing found: the rows that match part of the question are the best lead (beside a found answer they would crowd it).
        else if (answer.Near.Count > 0 && cardRows > 0)
            reply.Attachments = [Attachment.AdaptiveCard(AdaptiveCards.RelatedRows(answer.Near, texts, links, answer.Question, Math.Min(cardRows, MaxRelatedRows)))];

        if (turn.IsTeams)
            reply.ChannelData = new JsonObject { ["feedbackLoopEnabled"] = true };

        var followUps = answer.FollowUps.Where(f => !string.IsNullOrWhiteSpace(f)).Take(MaxFollowUps).ToList();
        if (followUps.Count > 0)
            reply.SuggestedActions = SuggestedActions.For(reply, followUps.Select(f => CardAction.ImBack(ReplyText.Truncate(f, 50), f)));
        return reply;
    }
}
