using System.Runtime.CompilerServices;
using System.Text;
using IctPlanAssistant.Achievement;
using IctPlanAssistant.Answers.Citations;
using IctPlanAssistant.Answers.Composition;
using IctPlanAssistant.Search.Querying;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// Answers with no AI service: a short lead sentence in the question's language, then the rows it rests on,
/// each cited as [S-N] with its name, department and the figure that answers the question, quoted as printed.
/// Every figure it states is a cell of a cited row or an exact count or sum of cited rows. In やさしい日本語
/// (<see cref="AnswerStyle.Plain"/>, Japanese questions only) the same rows are cited in short sentences, with amounts
/// in 億円/万円 beside the exact figure and each official term explained once (<see cref="PlainTerms"/>).
/// </summary>
public sealed class BuiltInAnswerComposer(AnswerPhrases phrases, PlainTerms? plainTerms = null) : IAnswerComposer
{
    private readonly Lazy<PlainTerms> _plainTerms = new(() => plainTerms ?? PlainTerms.Load());

    public Task<Answer> ComposeAsync(AnswerContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Compose(context.Retrieval, context.Style));

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answer = await ComposeAsync(context, cancellationToken).ConfigureAwait(false);
        yield return AnswerUpdate.Done(answer);
    }

    public Answer Compose(RetrievalResult result, AnswerStyle style = AnswerStyle.Standard)
    {
        var q = result.Interpretation;
        var ja = q.Language == QueryLanguage.Japanese;
        var plain = ja && style == AnswerStyle.Plain;
        var selected = RowSelection.Select(result);
        var rows = selected.Listed;
        var text = rows.Count > 0 ? Write(result, selected, ja, plain)
            : q.OtherYear is { } year ? AnswerPhrases.OtherYear(year, ja)
            : IsZeroCount(q) ? ZeroCount(q, result, ja, plain)
            : NoMatch(ja, plain);
        if (plain) text = _plainTerms.Value.Explain(text);
        var citations = CitationParser.Extract(text);
        var byId = rows.ToDictionary(r => r.Id);
        var retrieved = result.Rows.Select(r => r.Row.Id).ToList();
        return new Answer
        {
            Question = q.Question,
            Text = text,
            Citations = citations,
            CitedRows = citations.Select(id => byId[id]).ToList(),
            Retrieved = retrieved,
            Near = result.Near.Select(r => r.Row).ToList(),
            Given = retrieved.Concat(result.Aggregate.Rows.Select(r => r.Id)).Distinct().ToList(),
            About = selected.About,
            AboutCount = selected.Count,
            Interpretation = q,
            NoMatch = rows.Count == 0,
            FollowUps = FollowUps(q, rows.Count, ja),
        };
    }

    private string Write(RetrievalResult result, AnswerRows selected, bool ja, bool plain)
    {
        var q = result.Interpretation;
        var rows = selected.Listed;
        var missed = Missed(result, rows);
        var subject = phrases.Subject(q, result, ja, missed: missed, plain: plain);
        var sb = new StringBuilder();
        // The filters alone chose the rows, the question's words matched none: say so, not "projects about X".
        if (result.Unmatched.Count > 0 && !result.TextDecides) sb.AppendLine(AnswerPhrases.Unmatched(result.Unmatched, ja, plain)).AppendLine();
        // No row has every thing the question names: say which the rows shown lack, not that they are about them.
        else if (missed.Count > 0) sb.AppendLine(AnswerPhrases.NoneHas(missed, ja)).AppendLine();
        switch (q.Intent)
        {
            case AnswerIntent.Count:
                sb.AppendLine(ja ? $"{subject}は **{result.Aggregate.Count}件** です。"
                    : result.Aggregate.Count == 1 ? $"There is **1** {phrases.Subject(q, result, false, count: 1)}." : $"There are **{result.Aggregate.Count}** {subject}.");
                AppendRows(sb, rows, ja, plain);
                AppendMore(sb, selected, ja);
                break;
            case AnswerIntent.Sum:
                WriteSum(sb, result.Aggregate, selected, subject, ja, plain);
                break;
            case AnswerIntent.MostProjects:
                WriteBusiest(sb, RowSelection.BusiestDepartments(result), result.Facets.Departments, d => phrases.Department(d, ja), ja ? "部局" : "department", rows, subject, ja, plain);
                break;
            case AnswerIntent.MostProjectsByDivision:
                WriteBusiest(sb, RowSelection.BusiestDivisions(result), result.Facets.Divisions, d => d, ja ? "担当課" : "division", rows, subject, ja, plain);
                break;
            case AnswerIntent.Largest or AnswerIntent.Smallest when q.Order.IsByAchievement():
                WriteAchievementRanking(sb, rows, q, subject, ja, plain);
                // Most rows say only 計画どおり実施 or 目標達成: say how few were compared (when every matching row is at hand to count).
                if (result.Aggregate.Rows.Count == result.Aggregate.Count)
                {
                    var stating = result.Aggregate.Rows.Count(r => AchievementClassifier.Rate(r.Achievement) is not null);
                    sb.AppendLine().AppendLine(ja ? $"（目標と実績の数値が書かれた{stating}件の中で比べています。）" : $"(Compared among the {stating} projects that state a target and a result in figures.)");
                }
                break;
            case AnswerIntent.Largest or AnswerIntent.Smallest when rows.Count > 1:
                var descending = q.Intent == AnswerIntent.Largest;
                sb.AppendLine(plain
                    ? $"{subject}を、事業費が{(descending ? "多い" : "少ない")}じゅんに{rows.Count}つ示します。"
                    : ja
                    ? $"{subject}のうち、事業費が{(descending ? "多い" : "少ない")}順に{rows.Count}件です。"
                    : $"Of the {subject}, the {rows.Count} with the {(descending ? "largest" : "smallest")} budgets:");
                AppendRows(sb, rows, ja, plain);
                break;
            case AnswerIntent.Largest or AnswerIntent.Smallest:
                var row = rows[0];
                var largest = q.Intent == AnswerIntent.Largest;
                var place = AnswerPhrases.Place(q.RankPlace, ja, plain);
                sb.AppendLine(plain
                    ? $"{subject}のうち、事業費が{place}{(largest ? "多い" : "少ない")}のは **{row.Name}** [{row.Id}] です。{AnswerPhrases.PlainBudget(row)}担当は{row.Department}です。"
                    : ja
                    ? $"{subject}のうち、事業費が{place}{(largest ? "多い" : "少ない")}のは **{row.Name}**（{phrases.Department(row.Department, true)}、事業費 {row.BudgetText}千円）[{row.Id}] です。"
                    : $"Of the {subject}, the {place}{(largest ? "largest" : "smallest")} budget is **{row.Name}** ({phrases.Department(row.Department, false)}; {row.BudgetText} thousand yen) [{row.Id}].");
                break;
            case AnswerIntent.Fact:
                WriteFacts(sb, selected, q, result.TextDecides, ja, plain);
                break;
            default:
                var count = selected.Count;
                // Rows the words ranked are the closest; rows a filter (or 全部) picked are listed in the plan's order.
                var ranked = result.TextDecides;
                sb.AppendLine(ja
                    ? $"{subject}は{count}件です。{(selected.More > 0 ? ranked ? $"関連の高い{rows.Count}件を示します。" : $"計画の順に最初の{rows.Count}件を示します。" : "")}"
                    : selected.More > 0
                        ? ranked ? $"I found {count} {subject}; the {rows.Count} closest matches are:" : $"I found {count} {subject}; the first {rows.Count} in the plan's order are:"
                        : $"I found {count} {phrases.Subject(q, result, false, count: count)}:");
                AppendRows(sb, rows, ja, plain, quote: row => FactSentences.WhyListed(row, q, result.TextDecides, shortList: rows.Count <= ShortList), newFlag: q.AsksWhetherNew);
                AppendMore(sb, selected, ja);
                break;
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The rows that reached the least (or most) of their stated targets, each with the target and result it states and the
    /// share reached: 13地区の整備目標に対し4地区を実施（達成率 約31%）.
    /// </summary>
    private void WriteAchievementRanking(StringBuilder sb, IReadOnlyList<PlanRow> rows, QueryInterpretation q, string subject, bool ja, bool plain)
    {
        var highest = q.Order == RowSort.AchievementRateDescending;
        string Quote(PlanRow row) =>
            $"{FactSentences.Sentences(row.Achievement).FirstOrDefault(s => s.Any(char.IsDigit)) ?? row.Achievement}" +
            (ja ? $"（達成率 約{AnswerPhrases.Percent(row)}）" : $" (about {AnswerPhrases.Percent(row)} of the target)");
        if (rows.Count == 1)
        {
            var row = rows[0];
            var place = AnswerPhrases.Place(q.RankPlace, ja, plain);
            sb.AppendLine(plain
                ? $"{subject}のうち、目標に{place}{(highest ? "ちかかった" : "とどかなかった")}のは **{row.Name}** [{row.Id}] です。担当は{row.Department}です。"
                : ja
                ? $"{subject}のうち、目標に対する達成率が{place}{(highest ? "高い" : "低い")}のは **{row.Name}**（{phrases.Department(row.Department, true)}、事業費 {row.BudgetText}千円）[{row.Id}] です。"
                : $"Of the {subject}, the one that reached the {place}{(highest ? "most" : "least")} of its target is **{row.Name}** ({phrases.Department(row.Department, false)}; budget {row.BudgetText} thousand yen) [{row.Id}].");
            sb.AppendLine().AppendLine($"> {Quote(row)}");
            return;
        }
        sb.AppendLine(plain
            ? $"{subject}を、目標に{(highest ? "ちかかった" : "とどかなかった")}じゅんに{rows.Count}つ示します。"
            : ja
            ? $"{subject}のうち、目標に対する達成率が{(highest ? "高い" : "低い")}順に{rows.Count}件です。"
            : $"Of the {subject}, the {rows.Count} that reached the {(highest ? "most" : "least")} of their targets:");
        AppendRows(sb, rows, ja, plain, quote: Quote);
    }

    /// <summary>The department or division with the most projects (each, when tied), with its count, the next ones, and its rows.</summary>
    private void WriteBusiest(StringBuilder sb, IReadOnlyList<FacetCount> busiest, IReadOnlyList<FacetCount> all, Func<string, string> name, string unit, IReadOnlyList<PlanRow> rows, string subject, bool ja, bool plain)
    {
        var next = all.Where(d => !busiest.Contains(d)).OrderByDescending(d => d.Count).Take(2).ToList();
        string Name(FacetCount d) => name(d.Value);
        var named = string.Join(ja ? "と" : " and ", busiest.Select(d => $"**{Name(d)}**"));
        var tied = busiest.Count > 1;
        sb.AppendLine(ja
            ? $"{subject}が最も多い{unit}は {named}（{(tied ? "各" : "")}{busiest[0].Count}件）です。" + (next.Count > 0 ? $"次いで{string.Join("、", next.Select(d => $"{Name(d)}（{d.Count}件）"))}です。" : "")
            : $"The {unit}{(tied ? "s" : "")} with the most {subject} {(tied ? "are" : "is")} {named} ({busiest[0].Count}{(tied ? " each" : "")})." + (next.Count > 0 ? $" Next: {string.Join(", ", next.Select(d => $"{Name(d)} ({d.Count})"))}." : ""));
        AppendRows(sb, rows, ja, plain);
    }

    private void WriteSum(StringBuilder sb, RowAggregate aggregate, AnswerRows selected, string subject, bool ja, bool plain)
    {
        var withBudget = selected.Listed.Where(r => r.BudgetThousandYen is not null).ToList();
        var without = selected.Listed.Where(r => r.BudgetThousandYen is null).ToList();
        var sum = AnswerPhrases.Number(aggregate.BudgetSum);
        sb.AppendLine(plain
            ? $"{subject}は{aggregate.Count}件です。事業費の合計は **{YenAmount.Plain(aggregate.BudgetSum)}**（{YenAmount.Exact(aggregate.BudgetSum)}）です。事業費が書かれた{aggregate.CountWithBudget}件を足しました。"
            : ja
            ? $"{subject}（{aggregate.Count}件）の事業費の合計は **{sum}千円** です（事業費が記載された{aggregate.CountWithBudget}件の合計）。"
            : $"The total budget of the {subject} ({aggregate.Count}) is **{sum} thousand yen** (the sum of the {aggregate.CountWithBudget} with a budget figure).");
        AppendRows(sb, withBudget, ja, plain);
        var withoutCount = aggregate.Count - aggregate.CountWithBudget;
        if (withoutCount > 0)
        {
            sb.AppendLine();
            sb.AppendLine(plain ? $"事業費が書かれていない事業が{withoutCount}件あります。合計には入っていません。"
                : ja ? $"事業費の記載がない（—）ため合計に含まれない事業が{withoutCount}件あります。" : $"{withoutCount} have no budget figure (—) and are not in the sum:");
            AppendRows(sb, without, ja, plain);
        }
        AppendMore(sb, selected, ja);
    }

    /// <summary>
    /// A detail of each row: the cell the question asks about (its department and divisions, its budget, its results,
    /// how it did against its target, what it is) as printed, or else the sentences that answer the question's words.
    /// </summary>
    private void WriteFacts(StringBuilder sb, AnswerRows selected, QueryInterpretation q, bool ranked, bool ja, bool plain)
    {
        var rows = selected.Listed;
        // The budget asked of each (それぞれ予算いくら？) is the figure each row's line gives, whatever units いくら asks in; a
        // figure asked beside it (its budget, and how many people…?) is another cell's.
        if ((!ranked || q.AsksOfEach) && (q.AnswerUnits.Count == 0 || q.AsksOfEach && q.AskedColumn == PlanColumn.Budget) &&
            q.AskedColumn is PlanColumn.None or PlanColumn.Department or PlanColumn.Divisions or PlanColumn.Budget)
        {
            // A detail of every row in scope (それぞれどこの課？): each row with its department, divisions and budget.
            sb.AppendLine(q.AskedColumn == PlanColumn.Budget
                ? plain ? "それぞれの事業に使うお金を示します。" : ja ? "それぞれの事業の事業費は次のとおりです。" : "Here is each project with its budget:"
                : plain ? "それぞれの事業の担当を示します。" : ja ? "それぞれの事業と担当は次のとおりです。" : "Here is each project with the department and divisions in charge:");
            AppendRows(sb, rows, ja, plain, divisions: true);
            AppendMore(sb, selected, ja);
            return;
        }
        foreach (var row in rows)
        {
            var org = phrases.Department(row.Department, ja) + (row.Divisions.Count > 0 ? (ja ? "・" : ", ") + string.Join(ja ? "・" : ", ", row.Divisions) : "");
            sb.AppendLine(plain
                ? $"**{row.Name}** [{row.Id}] について答えます。{AnswerPhrases.PlainOrganisation(row, divisions: true)}{AnswerPhrases.PlainBudget(row)}計画には次のように書かれています。"
                : ja
                ? $"**{row.Name}**（{org}、{AnswerPhrases.Budget(row, true)}）[{row.Id}] について、計画には次のように記載されています。"
                : $"**{row.Name}** ({org}; {AnswerPhrases.Budget(row, false)}) [{row.Id}]. The plan reports:");
            sb.AppendLine();
            foreach (var (label, sentence) in FactSentences.Answering(row, q))
            {
                sb.AppendLine(label is null ? $"> {sentence}" : $"> {AnswerPhrases.ColumnLabel(label.Value, ja)}: {sentence}");
            }
            sb.AppendLine();
        }
        AppendMore(sb, selected, ja);
    }

    /// <summary>The things the question names that none of the listed rows has (a compound rather than its parts).</summary>
    private static IReadOnlyList<TermGroup> Missed(RetrievalResult result, IReadOnlyList<PlanRow> listed)
    {
        if (!result.TextDecides || result.FullMatchCount > 0 || listed.Count == 0) return [];
        var retrieved = result.Rows.ToDictionary(r => r.Row.Id);
        var lacks = listed.Select(r => retrieved.TryGetValue(r.Id, out var x) ? x.Missed : []).ToList();
        var missed = lacks[0].Where(t => lacks.All(l => l.Contains(t))).ToList();
        return missed.Where(t => !missed.Any(c => c.Kind == TermKind.Compound && t.PartOf == c.Text)).ToList();
    }

    /// <summary>Up to this many rows, a list says what each project is.</summary>
    private const int ShortList = 3;

    private static void AppendMore(StringBuilder sb, AnswerRows selected, bool ja)
    {
        if (selected.More <= 0) return;
        sb.AppendLine();
        sb.AppendLine(AnswerPhrases.More(selected.More, ja));
    }

    /// <summary>The rows as a list; <paramref name="quote"/> may add a sentence of the row under its line.</summary>
    private void AppendRows(StringBuilder sb, IReadOnlyList<PlanRow> rows, bool ja, bool plain, bool divisions = false, Func<PlanRow, string?>? quote = null, bool newFlag = false)
    {
        if (rows.Count == 0) return;
        sb.AppendLine();
        foreach (var row in rows)
        {
            sb.AppendLine(plain ? AnswerPhrases.PlainRowLine(row, divisions, newFlag) : phrases.RowLine(row, ja, divisions, newFlag));
            if (quote?.Invoke(row) is { } sentence) sb.AppendLine($"  - 「{sentence}」");
        }
    }

    /// <summary>"How many of them are new?" when none is: the count is zero, which is an answer, not a miss.</summary>
    private static bool IsZeroCount(QueryInterpretation q) => q.Intent == AnswerIntent.Count && (q.HasFilters || q.Terms.Count > 0);

    private string ZeroCount(QueryInterpretation q, RetrievalResult result, bool ja, bool plain)
    {
        var subject = phrases.Subject(q, result, ja, plain: plain);
        return ja ? $"{subject}は **0件** です。" : $"There are **0** {subject}.";
    }

    private static string NoMatch(bool ja, bool plain) => plain
        ? "ご質問に合う事業は、この計画にはありませんでした。ほかの言葉で聞いてみてください。部局の名前や事業の名前でも探せます。"
        : ja
        ? "ご質問に該当する事業は、この計画には見つかりませんでした。言葉を変えるか、部局名や事業名で探してみてください。"
        : "No matching project was found in the plan. Try other words, or a department or project name.";

    private static IReadOnlyList<string> FollowUps(QueryInterpretation q, int rows, bool ja)
    {
        if (rows == 0) return ja ? ["タブレットを使っている事業は？", "保健福祉部の事業は？"] : ["Which projects use tablets?", "Which Health and Welfare projects are there?"];
        if (rows == 1) return ja ? ["この事業の担当課は？", "事業費はいくら？"] : ["Which division runs it?", "What is its budget?"];
        return q.Intent switch
        {
            AnswerIntent.Sum => ja ? ["そのうち新規の事業は？", "事業費が最も多いのは？"] : ["How many of them are new?", "Which has the largest budget?"],
            _ => ja ? ["そのうち新規の事業は？", "合わせていくら？"] : ["How many of them are new?", "What is their total budget?"],
        };
    }
}
