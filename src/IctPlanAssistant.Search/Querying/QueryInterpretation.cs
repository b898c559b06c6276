using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Retrieval;

namespace IctPlanAssistant.Search.Querying;

public enum QueryLanguage { Japanese, English }

/// <summary>What the question asks for, which decides the shape of the answer.</summary>
public enum AnswerIntent
{
    /// <summary>Which projects …? (a list of rows)</summary>
    List,

    /// <summary>How many …? (a count of the filtered rows)</summary>
    Count,

    /// <summary>How much in total …? (a sum of budgets)</summary>
    Sum,

    /// <summary>Which is the largest …? (the row with the largest budget)</summary>
    Largest,

    /// <summary>Which is the smallest …?</summary>
    Smallest,

    /// <summary>A detail of a project: a figure, a day, a division (answered by quoting the row).</summary>
    Fact,

    /// <summary>Which department has the most projects? (the department with the most rows, and its rows)</summary>
    MostProjects,

    /// <summary>Which division has the most projects? (the division named in the most rows, and its rows)</summary>
    MostProjectsByDivision,
}

/// <summary>A budget condition in thousand yen: <c>Min ≤ budget &lt; Max</c> (either side open).</summary>
public sealed record BudgetRange(long? Min, long? Max);

/// <summary>What kind of word a term group is, which decides how much it says about the topic.</summary>
public enum TermKind
{
    /// <summary>A noun or a glossary term: what the question is about.</summary>
    Word,

    /// <summary>A noun that modifies the next (スマホ in スマホのアプリ): half as telling as the head.</summary>
    Modifier,

    /// <summary>A verb or adjective (見守る): half as telling; one the plan never uses excludes nothing.</summary>
    Verb,

    /// <summary>Nouns written together (ふるさと納税): the compound as a phrase. A compound the plan never uses
    /// is a thing the plan does not have, so it counts against rows even then.</summary>
    Compound,

    /// <summary>Two nouns joined by の (会計のシステム → 会計システム): a phrase the plan may word otherwise.</summary>
    Link,

    /// <summary>An English word the glossary does not know: searched as written, half as telling.</summary>
    UnknownEnglish,

    /// <summary>A list said in passing (農業でも介護でも: be it farming or care): it ranks, it never decides.</summary>
    Aside,
}

/// <summary>
/// One thing the question is about, as it was written and with the spellings that mean the same in the plan
/// (tablet → タブレット, iPad; どろーん → ドローン). A row matches the group if it matches any alternative.
/// </summary>
public sealed record TermGroup(string Text, IReadOnlyList<string> Alternatives, TermKind Kind = TermKind.Word)
{
    /// <summary>Readings (katakana) the group also matches in the reading fields: the word was typed in kana (ほうしゃせん).</summary>
    public IReadOnlyList<string> Readings { get; init; } = [];

    /// <summary>Words of the plan that mean the same (年寄り → 高齢者), from the synonym dictionary: matched less surely.</summary>
    public IReadOnlyList<Synonym> Synonyms { get; init; } = [];

    /// <summary>The word names what the whole plan is about (ICT): beside other words or filters it only ranks.</summary>
    public bool IsTopic { get; init; }

    /// <summary>
    /// The word stands in what the asker says of themselves before the question (うちの親がもう80過ぎなんだけど、…): where the
    /// plan never uses it, it does not count against every row.
    /// </summary>
    public bool InContext { get; init; }

    /// <summary>The compound the word was written in (データ in ビッグデータ): where the plan has the compound, the part alone says little.</summary>
    public string? PartOf { get; init; }

    /// <summary>
    /// The items of a list the question gave (ドローン and ロボット of ドローン・ロボット), each a group of its own: a row counts by
    /// the item it has, so a common item (ネット of スマホやネット) does not make the whole list say little. Empty for one word.
    /// </summary>
    public IReadOnlyList<TermGroup> Members { get; init; } = [];

    /// <summary>
    /// The part of the question the word stands in, 0 for the first (<see cref="QuestionParts"/>): where a question asks for
    /// two things, a row answers it by covering one part.
    /// </summary>
    public int Part { get; init; }

    public static TermGroup Of(string text) => new(text, [text]);

    /// <summary>What joins the items of a list the question gave (ドローンかロボット: ドローン・ロボット).</summary>
    public const char ListSeparator = '・';

    /// <summary>A group of alternatives the question listed, named by all of them rather than by one spelling.</summary>
    public bool IsList => Text.Contains(ListSeparator) && !Alternatives.Contains(Text);

    /// <summary>An English word no glossary or synonym knows that EDICT knows as a noun (desk): a thing, not a typo or filler.</summary>
    public bool IsKnownNoun { get; init; }

    /// <summary>
    /// A verbal noun done that describes a thing the question names (入院してる子ども): a verb as the question says it, but
    /// where the plan writes the noun (入院児童生徒), a thing the row has.
    /// </summary>
    public bool DescribesThing { get; init; }

    /// <summary>
    /// The people the question describes by what they do (避難している人: 避難者, 避難している住民): a thing where the plan names
    /// them so, passed over where it does not.
    /// </summary>
    public bool DescribesPeople { get; init; }

    /// <summary>How much the group counts toward a row's coverage and score, relative to a noun.</summary>
    public float Weight => Kind == TermKind.Word || IsKnownNoun ? 1f : 0.5f;

    /// <summary>Whether a group the plan never uses may be ignored rather than count against every row.</summary>
    public bool IgnorableWhenUnknown => Kind is TermKind.Verb or TermKind.Link or TermKind.Aside || InContext || DescribesPeople;
}

/// <summary>
/// What the question means for retrieval: filters, ranking, the words to search, and, in a follow-up, the rows
/// the previous turn found. The UI and the answer show it (<see cref="Describe"/>).
/// </summary>
public sealed record QueryInterpretation
{
    public required string Question { get; init; }

    public QueryLanguage Language { get; init; }

    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Rows the question leaves out: what else…? leaves out the rows the previous answer showed.</summary>
    public IReadOnlyList<RowId> ExceptRows { get; init; } = [];

    /// <summary>Departments the question leaves out (警察本部以外, other than the police).</summary>
    public IReadOnlyList<string> ExceptDepartments { get; init; } = [];

    public IReadOnlyList<int> Sections { get; init; } = [];

    public IReadOnlyList<string> Divisions { get; init; } = [];

    /// <summary>Divisions the question leaves out (障がい福祉課以外, leave out the ones handled by the disability welfare division).</summary>
    public IReadOnlyList<string> ExceptDivisions { get; init; } = [];

    public bool? IsNew { get; init; }

    public BudgetRange? Budget { get; init; }

    /// <summary>Rows whose achievement says any of these (none: no condition).</summary>
    public AchievementStatus Achievement { get; init; }

    /// <summary>A row with no budget figure (事業費 —).</summary>
    public bool? HasBudget { get; init; }

    public AnswerIntent Intent { get; init; }

    /// <summary>The order the question asks the rows in (一番高い: budget, largest first); relevance otherwise.</summary>
    public RowSort Order { get; init; } = RowSort.Relevance;

    /// <summary>How many rows of <see cref="Order"/> a largest or smallest question asks for (少ない順に3つ, top 3); 1 otherwise.</summary>
    public int RankCount { get; init; } = 1;

    /// <summary>Where in <see cref="Order"/> the rows asked for begin (2番目に大きい, the runner-up: 2); 1 otherwise.</summary>
    public int RankPlace { get; init; } = 1;

    /// <summary>The column the question asks about (どこの部署: the department; 結果はどうだった: the results), if any.</summary>
    public PlanColumn AskedColumn { get; init; }

    /// <summary>Units a figure that answers the question ends with (何台 → 台, how many people → 人/名).</summary>
    public IReadOnlyList<string> AnswerUnits { get; init; } = [];

    public IReadOnlyList<TermGroup> Terms { get; init; } = [];

    /// <summary>In a follow-up, the rows of the previous turn the question is about (そのうち…, of them…).</summary>
    public IReadOnlyList<RowId>? Scope { get; init; }

    /// <summary>
    /// In a follow-up of an answer about more rows than a turn keeps (a sum over every row), the previous question:
    /// the rows are those it matches, found again, instead of a <see cref="Scope"/> of ids.
    /// </summary>
    public QueryInterpretation? Within { get; init; }

    /// <summary>Follow-ups of follow-ups nest <see cref="Within"/> at most this deep.</summary>
    public const int MaxWithinDepth = 3;

    /// <summary>How many questions deep <see cref="Within"/> nests.</summary>
    public int WithinDepth => Within is null ? 0 : 1 + Within.WithinDepth;

    /// <summary>The question works on the rows of the previous answer (<see cref="Scope"/> or <see cref="Within"/>).</summary>
    public bool FollowsUp => Scope is not null || Within is not null;

    /// <summary>The plan key, in an index of several plans.</summary>
    public string? Plan { get; init; }

    /// <summary>
    /// A follow-up that tells one of the previous answer's rows by what it is about (the special needs one): where none
    /// of them is about it, the plan's row that is answers it.
    /// </summary>
    public bool TellsOne { get; init; }

    /// <summary>The question asks whether each row is new (新規事業かどうかも教えて): the answer says so of each row it lists.</summary>
    public bool AsksWhetherNew { get; init; }

    /// <summary>The question asks for every project (事業を全部教えて, list all projects): with nothing else said, all rows are its answer.</summary>
    public bool AsksForEverything { get; init; }

    /// <summary>The question asks a detail of each of its rows (ドローンやロボットの事業、それぞれの予算は？): every row it matches is answered, not the best.</summary>
    public bool AsksOfEach { get; init; }

    /// <summary>
    /// A fiscal year whose budgets the question asks for that the plan does not report (the FY2018 budget of …; 来年度の予算):
    /// no row answers it, whatever else it names.
    /// </summary>
    public OtherFiscalYear? OtherYear { get; init; }

    public bool HasFilters =>
        Departments.Count > 0 || ExceptDepartments.Count > 0 || Sections.Count > 0 || Divisions.Count > 0 || ExceptDivisions.Count > 0 || IsNew is not null || Budget is not null ||
        Achievement != AchievementStatus.None || HasBudget is not null || FollowsUp || Plan is not null || OtherYear is not null;

    /// <summary>A question made only of words the plan's rows carry: search text, no filters.</summary>
    public static QueryInterpretation ForText(string text) => new()
    {
        Question = text,
        Terms = text.Split([' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(TermGroup.Of).ToArray(),
    };
}

/// <summary>A fiscal year a question asks the budgets of (<paramref name="Year"/>) beside the one the plan reports (<paramref name="PlanYear"/>).</summary>
public sealed record OtherFiscalYear(int Year, int PlanYear);
