using IctPlanAssistant.Bot.Schema;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>What the bot says when it is added to a chat, team or channel: what it knows, and questions to start with, in Japanese and English.</summary>
public static class WelcomeReply
{
    public static readonly IReadOnlyList<string> JapaneseExamples =
    [
        "保健福祉部でタブレットを使っている事業は？",
        "新規事業で事業費が1億円以上のものは？",
        "ドローンを活用した事業は？",
    ];

    public static readonly IReadOnlyList<string> EnglishExamples =
    [
        "Which projects use drones?",
        "What does the Board of Education do with tablets?",
    ];

    public static Activity Create(Activity inbound)
    {
        var reply = inbound.CreateReply();
        reply.TextFormat = TextFormats.Markdown;
        reply.Text = string.Join("\n", [
            "こんにちは。ICT計画アシスタントです。ICT推進計画の事業（取組）について、根拠の事業番号 [S-N] を示してお答えします。",
            "",
            "質問の例:",
            .. JapaneseExamples.Select(q => $"- {q}"),
            "",
            "Hello! I answer questions about the projects of the ICT action plan, in Japanese or English, citing the rows as [S-N]. For example:",
            .. EnglishExamples.Select(q => $"- {q}"),
        ]);
        reply.SuggestedActions = SuggestedActions.For(reply, JapaneseExamples.Take(2).Concat(EnglishExamples).Select(q => CardAction.ImBack(q, q)));
        return reply;
    }
}
