using System.Globalization;

namespace IctPlanAssistant.Web.Bot.Replies;

/// <summary>Everything the bot says in its own words, in Japanese and in English.</summary>
public sealed record BotTexts(bool Japanese)
{
    public static readonly BotTexts Ja = new(true);
    public static readonly BotTexts En = new(false);

    /// <summary>By the channel's locale: Japanese unless the user's client says otherwise.</summary>
    public static BotTexts For(string? locale) =>
        string.IsNullOrEmpty(locale) || locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? Ja : En;

    public static BotTexts For(bool japanese) => japanese ? Ja : En;

    /// <summary>The locale a reply in these words carries (the answer's language, not the one the message came in).</summary>
    public string Locale => Japanese ? "ja-JP" : "en-US";

    public string Welcome => Japanese
        ? "こんにちは。ICT計画アシスタントです。ICT推進計画の事業（取組）について、根拠の事業番号 [S-N] を示してお答えします。英語でも質問できます。例えば:"
        : "Hello! I answer questions about the projects of the ICT action plan, in English or Japanese, citing the rows my answers rest on as [S-N]. For example:";

    public string SomethingWentWrong => Japanese
        ? "申し訳ありません。回答の作成中に問題が起きました。しばらくしてからもう一度お試しください。"
        : "Sorry, something went wrong while answering. Please try again in a moment.";

    public string NotAvailableToYourOrganisation => Japanese
        ? "申し訳ありません。このボットはお使いの組織ではご利用いただけません。"
        : "Sorry, this bot is not available to your organisation.";

    public string EmptyQuestion => Japanese
        ? "ご質問をどうぞ。例: 「保健福祉部でタブレットを使っている事業は？」"
        : "Please type a question, for example: \"Which projects use drones?\"";

    public string QuestionTooLong(int length, int max) => Japanese
        ? $"ご質問が長すぎます（{length}文字）。{max}文字以内で、知りたいことを短くお書きください。"
        : $"The question is too long ({length} characters). Please ask in at most {max} characters.";

    public string CitedRowsHeading => Japanese ? "根拠の事業" : "Cited projects";

    public string RelatedRowsHeading => Japanese ? "関係がありそうな事業" : "Possibly related projects";

    public string RelatedRowsNote => Japanese ? "質問の一部に当たる事業です。回答の根拠ではありません。" : "They match part of the question; the answer does not rest on them.";

    public string Department => Japanese ? "部局" : "Department";

    public string Divisions => Japanese ? "担当課" : "Divisions";

    public string Budget => Japanese ? "事業費" : "Budget";

    public string Section => Japanese ? "柱" : "Section";

    public string Summary => Japanese ? "事業概要" : "Summary";

    public string Achievement => Japanese ? "達成状況" : "Achievement";

    public string Results => Japanese ? "実績" : "Results";

    public string NewProject => Japanese ? "新規事業" : "New project";

    public string ShowFullRow => Japanese ? "全文を表示" : "Show in full";

    public string OpenOnWeb => Japanese ? "Webで開く" : "Open on the web";

    public string RowShown(string id) => Japanese ? $"[{id}] を表示しました。" : $"Here is [{id}].";

    public string RowNotFound(string id) => Japanese ? $"事業 [{id}] は見つかりませんでした。" : $"There is no project [{id}].";

    public string UnknownCardAction => Japanese ? "このボタンには対応していません。" : "This button is not supported.";

    public string AnswerCut(string url) => Japanese
        ? $"（長い回答のため途中までを表示しています。続きはWebでご覧ください: {url} ）"
        : $"(The answer is long and was cut here. See the rest on the web: {url} )";

    public string MoreRowsOnWeb(int more) => Japanese ? $"ほか {more} 件はWebでご覧ください。" : $"{more} more on the web.";

    /// <summary>As printed in thousand yen, or the cell as printed when it holds no number (—).</summary>
    public string FormatBudget(PlanRow row) => row.BudgetThousandYen is { } amount
        ? Japanese
            ? amount.ToString("N0", CultureInfo.InvariantCulture) + "千円"
            : amount.ToString("N0", CultureInfo.InvariantCulture) + " thousand yen"
        : string.IsNullOrWhiteSpace(row.BudgetText) ? "—" : row.BudgetText;
}
