using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>What a follow-up question resolves against: the previous turn's interpretation and the rows it showed.</summary>
public sealed record PreviousTurn(QueryInterpretation Interpretation, IReadOnlyList<RowId> Rows)
{
    /// <summary>How many rows the previous answer was about; <see cref="Rows"/> holds only the first of them when they were too many to keep.</summary>
    public int Count { get; init; }

    /// <summary>The rows kept are not all the answer was about (a sum over thousands of rows).</summary>
    public bool IsPartial => Count > Rows.Count;

    /// <summary>
    /// The last list of rows the conversation showed, which a row's place picks from (2つ目は？ the second one?): the
    /// previous answer's rows, or, when that answer was one row (the first one), the list before it. Null: <see cref="Rows"/>.
    /// </summary>
    public IReadOnlyList<RowId>? Listed { get; init; }

    /// <summary>The rows the previous answer showed (cited), when it was about more than it showed: 他には？ asks for the rest.</summary>
    public IReadOnlyList<RowId> Shown { get; init; } = [];
}

/// <summary>
/// Reads a question, Japanese or English, into a <see cref="QueryInterpretation"/>: words typed in kana as the plan
/// writes them, budget conditions, condition words (negated ones turned round), what the question asks for, the column
/// it asks about, departments, divisions and sections (by the plan's own names and the glossary's), glossary terms with
/// their other spellings, then the remaining content words with the plan's synonyms, and, in a conversation, whether
/// it follows up the previous answer.
/// </summary>
public sealed class QueryInterpreter
{
    private readonly Glossary _glossary;
    private readonly PlanIndex _index;
    private readonly MeCabModel _model;
    private readonly SynonymDictionary _synonyms;
    private readonly EnglishGlosses _glosses;
    private readonly JapaneseGlosses _japaneseGlosses;
    private readonly ILookup<string, string> _glossaryEnglish;
    private readonly GlossaryPhraseMatcher<FilterPhrase> _filters;
    private readonly GlossaryPhraseMatcher<IntentWord> _intents;
    private readonly GlossaryPhraseMatcher<PlanColumn> _columns;
    private readonly GlossaryPhraseMatcher<GlossaryTerm> _terms;
    private readonly PhraseMatcher<int> _sectionsInContext;
    private readonly PhraseMatcher<string> _sectionContext;
    private readonly JapaneseTermReader _japanese;
    private readonly EnglishSpelling _spelling;
    private readonly EnglishTermReader _english;
    private Names? _names;

    /// <summary>The names the served index holds, as matchers, rebuilt when a new index generation is served.</summary>
    private sealed record Names(IndexVocabulary Vocabulary, PhraseMatcher<string> Departments, PhraseMatcher<string> Divisions, GlossaryPhraseMatcher<int> Sections, ReadingVocabulary Readings,
        RomajiNames Romaji, EnglishDivisionNames EnglishDivisions, PhraseMatcher<string> DivisionBodies);

    public QueryInterpreter(Glossary glossary, PlanIndex index, MeCabModel? model = null, SynonymDictionary? synonyms = null, EnglishGlosses? glosses = null, JapaneseGlosses? japaneseGlosses = null)
    {
        _glossary = glossary;
        _index = index;
        _model = model ?? MeCabModel.Shared;
        _synonyms = synonyms ?? SynonymDictionary.Default;
        _glosses = glosses ?? EnglishGlosses.Default;
        _japaneseGlosses = japaneseGlosses ?? JapaneseGlosses.Default;
        // The glossary's English phrases (hospitals: 医療機関), by each singular too, for reading Japanese through English.
        _glossaryEnglish = glossary.Terms
            .Where(t => t.Phrase.All(c => c < 0x80))
            .SelectMany(t => EnglishForms.Singulars(t.Phrase.ToLowerInvariant()).Prepend(t.Phrase.ToLowerInvariant()).Distinct().SelectMany(p => t.Term.Search.Select(w => (Phrase: p, Word: w))))
            .ToLookup(x => x.Phrase, x => x.Word, StringComparer.Ordinal);
        _filters = new(glossary.Filters, _model);
        _intents = new(glossary.Intents, _model);
        _columns = new(glossary.Columns, _model);
        _terms = new(glossary.Terms, _model);
        _sectionsInContext = new(glossary.SectionsInContext);
        _sectionContext = new(glossary.SectionWords.Select(w => (w, "")));
        _japanese = new JapaneseTermReader(glossary.JapaneseStopWords);
        _spelling = EnglishSpelling.For(glossary, _glosses);
        _english = new EnglishTermReader(glossary.EnglishStopWords, _glosses);
    }

    /// <summary>Only the start of a longer text is read: no question is this long, and a huge one must not cost minutes.</summary>
    public const int MaxReadLength = 2000;

    /// <summary>At most this many term groups are searched (a longer text lists more words than any question asks about).</summary>
    public const int MaxTerms = 32;

    /// <summary>At most this many synonyms are searched for a word (the surest first).</summary>
    public const int MaxSynonyms = 8;

    public QueryInterpretation Interpret(string question, PreviousTurn? previous = null)
    {
        using var snapshot = _index.Acquire();
        return Interpret(question, previous, snapshot);
    }

    /// <summary>Reads the question against the names and words of one index snapshot (the one its rows will come from).</summary>
    public QueryInterpretation Interpret(string question, PreviousTurn? previous, IndexSnapshot snapshot)
    {
        if (question.Length > MaxReadLength) question = question[..MaxReadLength];
        var names = NamesOf(snapshot);
        // Case is kept until QueryText has its cased copy: an acronym (IT, HP) is told from a word (it) by its capitals.
        // Words typed in kana are read as the plan writes them (ほうしゃせん → 放射線) before anything else reads the question.
        // English words typed wrong are mended first (tablits → tablets), as the kana ones are read; amounts typed in kana
        // (いちおくえん いじょう) are written in kanji numerals before either, and words in katakana for emphasis (キツい) in hiragana.
        var typed = KatakanaEmphasis.Resolve(KanaNumerals.InKanji(QueryText.NormalizeKeepingCase(question)), _model, names.Vocabulary.Has);
        var (text, kanaWords) = KanaSpelling.Resolve(_spelling.Correct(typed), names.Readings, _model, _japaneseGlosses.SpellingOf, names.Vocabulary);
        var query = new QueryText(text, _model, original: question);
        var language = QuestionLanguage.Of(query);

        var budget = BudgetExpression.Read(query);
        var yesNo = Interrogatives.IsYesNo(query);
        var context = language == QueryLanguage.Japanese ? JapaneseContext.Of(query) : JapaneseContext.None;
        // A remark on what would do for an answer (…？載ってないものは抜いてかまいません) sets no condition on the rows.
        var filterMatches = _filters.FindAll(query).Where(m => m.Start < context.RemarkStart).ToList();
        // Words that are a condition only when negated (実施した, 予算が載っている) are the question's own words otherwise.
        foreach (var m in filterMatches.Where(m => m.Value.Condition is null && !m.Negated)) query.Release(m.Start, m.End);
        // 2番目に大きい is a place in the budget order (RankCount.Place), not the previous answer's second row.
        foreach (var m in filterMatches.Where(m => m.Value.Condition is >= FilterWord.First and <= FilterWord.Fifth && RankCount.IsPlaceInOrder(query.Text, m.End)).ToList())
        {
            query.Release(m.Start, m.End);
            filterMatches.Remove(m);
        }
        var conditions = QuestionConditions.Read(filterMatches, query);
        // Words left between a condition's own (目標の件数とか人数に届かなかった: 目標…届く) describe the condition.
        if (language == QueryLanguage.Japanese)
            context = context with { Conditions = filterMatches.Where(m => m.Value.Condition is not null || m.Negated).Select(m => (m.Start, m.End)).ToList() };
        var intentMatches = _intents.FindAll(query);
        intentMatches.AddRange(CounterQuestions.Asked(query, intentMatches).ToList());
        // A division named in English (the Information Policy Division) before the column word division is read alone.
        var englishDivisions = names.EnglishDivisions.FindAll(query);
        // A department's name is read before the column words: the word department ends many of its English names
        // (the Agriculture Department), where it names that department, not the column.
        var departmentMatches = names.Departments.FindAll(query, accept: m => IsStandalone(query, m, names.Vocabulary.Departments) && !IsAskersSetting(query, m, context.End));
        // Column words are read (and so are no words to search) even where a condition says which column is asked.
        var columns = _columns.FindAll(query);
        // A column word of what the asker says of themselves (tallying what Fukushima spends on video. Which projects…?)
        // asks nothing of the rows.
        var englishContext = language == QueryLanguage.English ? QuestionContext.EnglishSpans(query) : default;
        bool IsContext(int start, int end) => language == QueryLanguage.Japanese ? end <= context.End : englishContext.End > 0 && englishContext.Holds(start, end);
        var asked = conditions.Asked != PlanColumn.None ? conditions.Asked : AskedColumn(columns.Where(c => !IsContext(c.Start, c.End)).ToList(), query);
        // Names in romaji (Koho-ka, Somubu) where nothing else was read: staff chatting in English write them so.
        var romajiNames = names.Romaji.FindAll(query);
        departmentMatches.AddRange(romajiNames.Where(m => names.Vocabulary.Departments.Contains(m.Value)));
        var exceptDepartments = departmentMatches.Where(m => IsExcepted(query, m.Start, m.End, conditions.Exceptions)).Select(m => m.Value).Distinct().ToList();
        var departments = departmentMatches.Select(m => m.Value).Distinct().Except(exceptDepartments).ToList();
        var divisionMatches = names.Divisions.FindAll(query).Concat(romajiNames.Where(m => !names.Vocabulary.Departments.Contains(m.Value))).Concat(englishDivisions).ToList();
        // A body a division serves (会津大学 of 私学・法人課(会津大学)) names the division where the question puts it in charge.
        divisionMatches.AddRange(names.DivisionBodies.FindAll(query, accept: m => columns.Any(c => c.Value == PlanColumn.Divisions && c.Start >= m.End && c.Start - m.End <= InChargeGap)));
        var exceptDivisions = divisionMatches.Where(m => IsExcepted(query, m.Start, m.End, conditions.Exceptions)).Select(m => m.Value).Distinct().ToList();
        var divisions = divisionMatches.Select(m => m.Value).Distinct().Except(exceptDivisions).ToList();
        var sectionMatches = names.Sections.FindAll(query);
        var sections = sectionMatches.Select(m => m.Value).ToList();
        if (_sectionContext.FindAll(query, consume: false).Count > 0)
        {
            sections.AddRange(_sectionsInContext.FindAll(query).Select(m => m.Value));
            _sectionContext.FindAll(query);
        }
        else if (sectionMatches.Count > 0)
        {
            // A section's other name said beside its title (the industry / regional revitalization projects) is part of
            // naming it, not a word the rows must have.
            _sectionsInContext.FindAll(query, accept: m => sectionMatches.Any(s => s.Value == m.Value &&
                (SaidTogether(query, m.End, s.Start) || SaidTogether(query, s.End, m.Start))));
        }
        // What brackets say of a condition or name just read (…入ってない（空欄とか線になってる）) is that condition's or name's.
        if (QuestionContext.AsidesOnFilters(query) is { Count: > 0 } asides)
        {
            context = context with { Asides = asides };
            englishContext = englishContext with { Asides = asides };
        }
        // By the words' dictionary forms and, typed in kana, their readings (目がみえない: 目が見えない).
        var glossaryTerms = _terms.FindAll(query).Select(m => new PhraseMatch<GlossaryTerm>(m.Start, m.End, m.Phrase, m.Value)).ToList();
        var parts = language == QueryLanguage.Japanese ? QuestionParts.Read(query, language, filterMatches, context.End, context.RemarkStart)
            : QuestionParts.Read(query, language, filterMatches, englishContext.End, englishContext.After);
        var terms = ReadTerms(query, language, glossaryTerms, kanaWords, context, englishContext, names.Vocabulary.Has, parts);

        var interpretation = new QueryInterpretation
        {
            Question = question,
            Language = language,
            Departments = departments,
            ExceptDepartments = exceptDepartments,
            Sections = sections.Distinct().Order().ToList(),
            Divisions = divisions,
            ExceptDivisions = exceptDivisions,
            IsNew = conditions.IsNew,
            Budget = budget,
            Achievement = conditions.Achievement,
            HasBudget = conditions.HasBudget,
            AsksForEverything = conditions.Everything,
            AsksOfEach = conditions.Each,
            AsksWhetherNew = conditions.AsksWhetherNew,
            Terms = PartsWithThings(terms.Take(MaxTerms).Select(t => ListWithSynonyms(t, names.Vocabulary) with { IsTopic = IsTopic(t) }).ToList()),
            AskedColumn = asked,
        };
        // Context is context only beside a question of its own, a thing or a condition: …知りたいんだけど、どこの部署？ asks
        // about what comes before it.
        if (!interpretation.HasFilters && !interpretation.Terms.Any(t => !t.InContext && t.Kind is TermKind.Word or TermKind.Compound or TermKind.Modifier))
            interpretation = interpretation with { Terms = interpretation.Terms.Select(t => t with { InContext = false }).ToList() };
        var intent = IntentOf(intentMatches, interpretation, query);
        // 一番達成率が低いのは？ orders by how much of their targets rows reached; 一番予算が少ないのは？ and any other, by budget.
        // The phrase may name the target itself (目標からいちばん遠かった, furthest from the target).
        var byAchievement = (columns.Any(c => c.Value == PlanColumn.Achievement) || intentMatches.Any(NamesTheTarget)) && columns.All(c => c.Value != PlanColumn.Budget);
        interpretation = interpretation with
        {
            Intent = intent,
            Order = (intent, byAchievement) switch
            {
                (AnswerIntent.Largest, true) => RowSort.AchievementRateDescending,
                (AnswerIntent.Smallest, true) => RowSort.AchievementRateAscending,
                (AnswerIntent.Largest, _) => RowSort.BudgetDescending,
                (AnswerIntent.Smallest, _) => RowSort.BudgetAscending,
                _ => RowSort.Relevance,
            },
            AnswerUnits = UnitsOf(intentMatches, intent),
            RankCount = intent is AnswerIntent.Largest or AnswerIntent.Smallest ? RankCount.Read(question) : 1,
            RankPlace = intent is AnswerIntent.Largest or AnswerIntent.Smallest ? RankCount.Place(question) : 1,
            OtherYear = OtherYearOf(query, columns, asked == PlanColumn.Budget || intent == AnswerIntent.Sum),
        };
        if (previous is null)
        {
            // それは目標どおりできたの？ with no answer before it refers to nothing: no rows, rather than every row. So does a
            // list question whose every word the plan lacks (…しらべられるものはありますか, MeCab lost in a run of kana): it
            // asked for something, just not for every project (事業を全部教えて says no word at all).
            var unread = intent == AnswerIntent.List && interpretation.Terms.Count > 0;
            // A pointer after a comma or a sentence of the question (Which project had the biggest budget, and how much did
            // it cost?) points at what the question asked before it, not at an earlier answer.
            var pointsWithin = filterMatches.Where(m => m.Value.Condition == FilterWord.Scope)
                .All(m => query.HasCommaBetween(0, m.Start) || query.HasSentenceEndBetween(0, m.Start));
            return (conditions.RefersBack && !pointsWithin || unread) && !HasOwn(interpretation, names.Vocabulary) ? interpretation with { Scope = [] } : interpretation;
        }
        return FollowUp(interpretation, previous, conditions, yesNo, names.Vocabulary);
    }

    /// <summary>
    /// The first fiscal year other than the plan's whose budgets the question asks for: one said right before a budget word
    /// (the FY2018 budget, 平成30年度の予算), or any in a question asking for budgets, unless it is when something happens
    /// (平成30年度に繰り越した事業の予算は？ asks this plan's budgets).
    /// </summary>
    private OtherFiscalYear? OtherYearOf(QueryText query, List<GlossaryMatch<PlanColumn>> columns, bool asksBudget)
    {
        // Only a question about budgets is read for years: most questions are not, and need not pay for the reading.
        var budgetWords = columns.Where(c => c.Value == PlanColumn.Budget).ToList();
        if (!asksBudget && budgetWords.Count == 0) return null;
        var years = _glossary.Years;
        foreach (var (year, _, end) in years.Read(query.Text))
        {
            if (year == years.Plan || IsTimeOfEvent(query.Text, end)) continue;
            if (asksBudget || budgetWords.Any(c => c.Start >= end && c.Start - end <= YearBeforeBudgetGap))
                return new OtherFiscalYear(year, years.Plan);
        }
        return null;
    }

    /// <summary>Particles by which a year says when something happens (平成30年度に繰り越す, 30年度から始まる), not whose budget.</summary>
    private static readonly string[] TimeParticles = ["に", "へ", "から", "まで", "以降", "以前", "中", "in ", "from ", "until "];

    private static bool IsTimeOfEvent(string text, int end) =>
        TimeParticles.Any(p => text.AsSpan(end).TrimStart(' ').StartsWith(p, StringComparison.Ordinal));

    /// <summary>At most this many characters between a year and the budget word it names the year of (FY2018 budget, 30年度の予算, next year's budget).</summary>
    private const int YearBeforeBudgetGap = 3;

    /// <summary>
    /// The units a figure that answers the question ends with: those its words give (何台: 台), or, for how many of
    /// something other than projects (how many views…?), any unit the glossary's "how many …" phrases count in (回, 人, 台…).
    /// </summary>
    private IReadOnlyList<string> UnitsOf(List<GlossaryMatch<IntentWord>> matches, AnswerIntent intent)
    {
        var units = matches.SelectMany(m => m.Value.Units).Distinct().ToList();
        if (units.Count > 0 || intent != AnswerIntent.Fact || matches.All(m => m.Value.Intent != AnswerIntent.Count)) return units;
        return _countUnits ??= _glossary.Intents.Where(i => i.Phrase.StartsWith("how many ", StringComparison.Ordinal))
            .SelectMany(i => i.Intent.Units).Distinct().ToList();
    }

    private List<string>? _countUnits;

    /// <summary>Whether a question has anything of its own to search or filter by.</summary>
    private static bool HasOwn(QueryInterpretation q, IndexVocabulary vocabulary) => q.HasFilters || q.Terms.Any(t => IsOwn(t, vocabulary));

    /// <summary>Words the plan never uses that would be passed over anyway (もっと詳しく教えて: 詳しい) say nothing of their own.</summary>
    private static bool IsOwn(TermGroup term, IndexVocabulary vocabulary) => !term.IgnorableWhenUnknown || term.Alternatives.Any(vocabulary.Has);

    /// <summary>
    /// Resolves a question in a conversation by what it says itself, not by its length. One that refers back
    /// (そのうち, それ, of them) or has nothing of its own to search or filter by (合わせていくら？ それぞれの担当課は？)
    /// is about the rows of the previous answer; one that leaves out what the previous question said (じゃあ教育庁は？
    /// what about the police?) is the previous question with what it changes; any other (警察本部の新規事業は？) is a
    /// new question.
    /// </summary>
    private static QueryInterpretation FollowUp(QueryInterpretation q, PreviousTurn previous, QuestionConditions conditions, bool yesNo, IndexVocabulary vocabulary)
    {
        var ownTerms = q.Terms.Where(t => IsOwn(t, vocabulary)).ToList();
        var nothingOwn = !HasOwn(q, vocabulary);
        // 他には？ what else? — the rows the previous answer was about but did not show (all of them again, when it showed all).
        if (conditions.Others && nothingOwn)
        {
            var rest = previous.Rows.Except(previous.Shown).ToList();
            if (rest.Count > 0) previous = previous with { Rows = rest, Count = Math.Max(rest.Count, previous.Count - previous.Shown.Count) };
        }
        // What else is Aizu University involved in? — the plan's rows about it, less those the previous answer showed.
        if (conditions.Others && !nothingOwn && !conditions.RefersBack)
            return q with { ExceptRows = previous.Shown.Count > 0 ? previous.Shown : previous.Rows };
        // 2つ目の事業の担当課は？ the last one: that row of the previous answer, as it listed them (2番目に大きい is a place in
        // the budget order instead).
        if (conditions.Ordinal is { } ordinal && q.RankPlace == 1)
        {
            var listed = previous.Listed ?? previous.Rows;
            var at = ordinal.GetOffset(listed.Count);
            previous = previous with { Rows = at >= 0 && at < listed.Count ? [listed[at]] : [], Count = 1 };
        }
        // Which is the biggest? … and the cheapest? asks the other end of the rows the previous one was picked from.
        if (nothingOwn && IsSuperlative(q.Intent) && IsSuperlative(previous.Interpretation.Intent))
            return previous.Interpretation with { Question = q.Question, Intent = q.Intent, Order = q.Order, RankCount = q.RankCount, RankPlace = q.RankPlace };
        if (conditions.RefersBack || conditions.Ordinal is not null || conditions.Others || nothingOwn)
        {
            // A figure asked of them is their total, unless a cell is asked as well (予算いくら？目標は達成できたの？) or it is
            // asked of each (それぞれ予算いくら？): then the detail, whose heading gives each one's budget.
            var intent = q.Intent == AnswerIntent.Fact && q.Terms.Count == 0 && IsFigureQuestion(q) && q.AskedColumn is PlanColumn.None or PlanColumn.Budget && !conditions.Each
                ? AnswerIntent.Sum : q.Intent;
            // もっと詳しく教えて, tell me more about the first one: the rows in full.
            if (intent == AnswerIntent.List && ownTerms.Count == 0 && q.Terms.Count > 0 && !conditions.Others && q.AskedColumn == PlanColumn.None)
                return Within(q, previous) with { Intent = AnswerIntent.Fact, AskedColumn = PlanColumn.Summary };
            // それって実際に使われたの？ asks how the projects went: their results.
            if (intent == AnswerIntent.List && yesNo && !conditions.Others && q.Terms.All(t => t.Kind == TermKind.Verb))
                return Within(q, previous) with { Intent = AnswerIntent.Fact, AskedColumn = PlanColumn.Results };
            return Within(q, previous) with { Intent = intent, TellsOne = conditions.TellsOne && ownTerms.Count > 0 };
        }
        if (conditions.Elliptical)
        {
            var p = previous.Interpretation;
            // What the previous question asked of its rows is asked again (J-ALERTで受信したのはいつ？ Em-Netのほうは？: when, of
            // Em-Net), unless this one asks for projects itself (じゃあ同じ農林水産部でロボット使ってる事業は？).
            var asksAgain = q.Intent == AnswerIntent.List;
            var asksCellAgain = asksAgain && !AsksForProjects(q);
            return q with
            {
                Terms = q.Terms.Count > 0 ? q.Terms : p.Terms,
                Departments = q.Departments.Count > 0 ? q.Departments : p.Departments,
                ExceptDepartments = q.Departments.Count > 0 || q.ExceptDepartments.Count > 0 ? q.ExceptDepartments : p.ExceptDepartments,
                Sections = q.Sections.Count > 0 ? q.Sections : p.Sections,
                Divisions = q.Divisions.Count > 0 ? q.Divisions : p.Divisions,
                ExceptDivisions = q.Divisions.Count > 0 || q.ExceptDivisions.Count > 0 ? q.ExceptDivisions : p.ExceptDivisions,
                IsNew = q.IsNew ?? p.IsNew,
                Budget = q.Budget ?? p.Budget,
                Achievement = q.Achievement != AchievementStatus.None ? q.Achievement : p.Achievement,
                HasBudget = q.HasBudget ?? p.HasBudget,
                Intent = asksAgain ? p.Intent : q.Intent,
                Order = asksAgain ? p.Order : q.Order,
                AskedColumn = asksCellAgain && q.AskedColumn == PlanColumn.None ? p.AskedColumn : q.AskedColumn,
                AnswerUnits = asksCellAgain && q.AnswerUnits.Count == 0 ? p.AnswerUnits : q.AnswerUnits,
            };
        }
        return q;
    }

    /// <summary>
    /// A question that found nothing in the plan, asked right after an answer, read as one about that answer's rows (did
    /// everyone get a job after? ; how many streams last year?): a follow-up need not point back, and what it asks may be
    /// said only in the rows just talked about. Null when it was about them already, or says no word to look for.
    /// </summary>
    public static QueryInterpretation? OnPreviousRows(QueryInterpretation q, PreviousTurn? previous) =>
        previous is null || previous.Rows.Count == 0 || q.FollowsUp || q.Terms.Count == 0 ? null : Within(q, previous);

    /// <summary>
    /// A follow-up about the rows of the previous answer: those rows by id, or, when the answer was about more rows
    /// than a turn keeps, every row of the previous question (a few questions deep; then the rows kept).
    /// </summary>
    private static QueryInterpretation Within(QueryInterpretation q, PreviousTurn previous) =>
        previous.IsPartial && previous.Interpretation.WithinDepth < QueryInterpretation.MaxWithinDepth
            ? q with { Within = previous.Interpretation }
            : q with { Scope = previous.Rows };

    /// <summary>Whether the question names projects as what it asks for (…事業は？ which projects…).</summary>
    private static bool AsksForProjects(QueryInterpretation q) =>
        q.Question.Contains("事業", StringComparison.Ordinal) || q.Question.Contains("project", StringComparison.OrdinalIgnoreCase);

    private static bool IsSuperlative(AnswerIntent intent) => intent is AnswerIntent.Largest or AnswerIntent.Smallest;

    private static bool IsFigureQuestion(QueryInterpretation q) =>
        q.AskedColumn == PlanColumn.Budget || q.Question.Contains("いくら") || q.Question.Contains("how much", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The column a question asks about: one its words name (どこの部署, 予算, 結果) next to a word that asks (which,
    /// what, どこ, いくら…), or that the question ends on (予算は？). A column merely mentioned (部署関係なく全部, Which
    /// projects of the PR division…) is not asked about.
    /// </summary>
    private static PlanColumn AskedColumn(List<GlossaryMatch<PlanColumn>> columns, QueryText query)
    {
        if (columns.Count == 0) return PlanColumn.None;
        // An English column word that ends the question is its object (…fall short of their targets?), not what it asks,
        // unless the question is a bare phrase of a few words, none of which asks (緊急時連絡網管理 budget? drone project budget?).
        var terse = query.Text.Count(c => c == ' ') < TersePhraseWords && !Interrogatives.Any(query) &&
                    !(QueryText.IsLatin(query.Text[0]) && Interrogatives.IsYesNo(query));
        var asked = columns.Where(c => Interrogatives.Near(query, c.Start, c.End) || IsComparison(c.Phrase) ||
                                       (QueryText.IsLatin(c.Phrase[^1]) ? terse && c.End >= query.Text.Length
                                           : Predicate.IsMain(query, c.LastMorpheme) || NamedWithNo(query, c.LastMorpheme) is { } noun && Predicate.IsMain(query, noun)))
            .Select(c => c.Value).ToList();
        // The narrower column first: どこの課 asks for the division, not the department.
        return asked.Count == 0 ? PlanColumn.None : asked.OrderBy(c => Array.IndexOf(Specificity, c)).First();
    }

    /// <summary>Whether an intent's phrase names the achievement column within it (目標からいちばん遠い: 目標).</summary>
    private bool NamesTheTarget(GlossaryMatch<IntentWord> match) =>
        _glossary.Columns.Any(c => c.Column == PlanColumn.Achievement && Holds(match.Phrase, c.Phrase));

    /// <summary>Whether a phrase holds another: Japanese anywhere in it, English as whole words (target, not targeted).</summary>
    private static bool Holds(string phrase, string part) =>
        part.Any(c => c >= 0x80) ? phrase.Contains(part, StringComparison.Ordinal)
            : System.Text.RegularExpressions.Regex.IsMatch(phrase, $@"\b{System.Text.RegularExpressions.Regex.Escape(part)}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>
    /// Whether an English column phrase compares (compared with the goal, vs the target): it asks for the cell wherever it
    /// stands, where the target alone may be what a verb is done to (fell short of their targets).
    /// </summary>
    private static bool IsComparison(string phrase) =>
        phrase.Split(' ', 2) is [var first, _] && first is "compared" or "vs" or "versus" or "against";

    /// <summary>
    /// The noun a column word names with の right after it (目標と実際の数字を教えて: 数字), whose asking asks the column: the
    /// figures of the target and the result are the achievement cell.
    /// </summary>
    private static int? NamedWithNo(QueryText query, int last)
    {
        var morphemes = query.Morphemes;
        if (last < 0 || last + 2 >= morphemes.Count || query.Text[morphemes[last + 1].Start..morphemes[last + 1].End] != "の") return null;
        var pos = morphemes[last + 2].Features.PartOfSpeech;
        return pos.StartsWith("名詞", StringComparison.Ordinal) && !pos.Contains("非自立") ? last + 2 : null;
    }

    /// <summary>
    /// The intent a phrase says as the question says it: a superlative negated is its opposite (一番お金がかかっていない is the
    /// cheapest, not the dearest); any other intent negated is still asked (何件ない？ counts).
    /// </summary>
    private static AnswerIntent Said(GlossaryMatch<IntentWord> match) => (match.Negated, match.Value.Intent) switch
    {
        (true, AnswerIntent.Largest) => AnswerIntent.Smallest,
        (true, AnswerIntent.Smallest) => AnswerIntent.Largest,
        (_, var intent) => intent,
    };

    /// <summary>
    /// The words to search: a Japanese question's by the Japanese reader, with the Latin words left (ICT, LINE) searched as
    /// written; an English one's by the English reader, and the Japanese names in it (whats the budget for 中小企業制度資金?)
    /// by the Japanese reader, each reader taking the glossary's phrases of its own script.
    /// </summary>
    private List<TermGroup> ReadTerms(QueryText query, QueryLanguage language, List<PhraseMatch<GlossaryTerm>> glossaryTerms, IReadOnlyList<KanaWord> kanaWords,
        JapaneseContext context, EnglishContext englishContext, Func<string, bool> planWrites, QuestionParts parts)
    {
        if (language == QueryLanguage.Japanese)
        {
            var japanese = _japanese.Read(query, glossaryTerms, kanaWords, context, parts);
            japanese.AddRange(_english.OtherWordsOf(query, parts).Where(w => japanese.All(t => !t.Alternatives.Contains(w.Text))));
            return japanese;
        }
        if (!query.Text.Any(c => JapaneseCharacters.IsJapanese(c))) return _english.Read(query, glossaryTerms, englishContext, planWrites, parts);
        var latin = glossaryTerms.Where(m => !m.Phrase.Any(c => JapaneseCharacters.IsJapanese(c))).ToList();
        var terms = _japanese.Read(query, glossaryTerms.Except(latin).ToList(), kanaWords, JapaneseContext.None, parts);
        terms.AddRange(_english.Read(query, latin, englishContext, planWrites, parts).Where(e => terms.All(t => t.Text != e.Text && !t.Alternatives.SequenceEqual(e.Alternatives))));
        return terms;
    }

    /// <summary>
    /// The words with their parts numbered anew: a part that names no thing of its own (…ある？あと予算も教えて) asks of the
    /// part before it, and joins it. One part left is the whole question.
    /// </summary>
    private static IReadOnlyList<TermGroup> PartsWithThings(List<TermGroup> terms)
    {
        if (terms.All(t => t.Part == 0)) return terms;
        var withThings = terms.Where(IsOwnThing).Select(t => t.Part).Distinct().Order().ToList();
        // Each part becomes the last part with a thing at or before it (the first such part for those before any).
        int Renumbered(int part) => withThings.Count(p => p <= part) is var n and > 0 ? n - 1 : 0;
        return withThings.Count <= 1 ? terms.Select(t => t with { Part = 0 }).ToList() : terms.Select(t => t with { Part = Renumbered(t.Part) }).ToList();
    }

    /// <summary>A thing the question itself names (not its context, a verb, or the plan's own topic).</summary>
    private static bool IsOwnThing(TermGroup t) => !t.InContext && !t.IsTopic && t.Kind is TermKind.Word or TermKind.Compound or TermKind.Modifier;

    /// <summary>At most this many characters between two names of one section said together (industry / regional revitalization).</summary>
    private const int SectionNamesGap = 3;

    /// <summary>Words that join two names of one section said together (safety and disaster prevention, 安全と防災).</summary>
    private static readonly HashSet<string> SectionNameJoints = ["and", "と", "や"];

    /// <summary>Whether the text from <paramref name="end"/> to <paramref name="start"/> is no more than a joint between two names.</summary>
    private static bool SaidTogether(QueryText query, int end, int start) =>
        start >= end && (start - end <= SectionNamesGap || SectionNameJoints.Contains(query.Text[end..start].Trim()));

    /// <summary>At most this many characters between a body's name and the word 担当 that puts it in charge (会津大学が担当).</summary>
    private const int InChargeGap = 1;

    /// <summary>A question of fewer words than this, none of which asks, is a bare phrase (drone project budget?).</summary>
    private const int TersePhraseWords = 4;

    // A cell quoted first, then the columns every answer's heading gives (部局・課、事業費): それって予算いくら？目標は達成できたの？
    // quotes the achievement under a heading with the budget.
    private static readonly PlanColumn[] Specificity =
        [PlanColumn.Results, PlanColumn.Achievement, PlanColumn.Summary, PlanColumn.Divisions, PlanColumn.Department, PlanColumn.Budget];

    private static AnswerIntent IntentOf(List<GlossaryMatch<IntentWord>> matches, QueryInterpretation q, QueryText query)
    {
        var intents = matches.Select(Said).ToHashSet();
        // 事業が一番多い部署 is about departments, not about a budget that is largest.
        if (intents.Contains(AnswerIntent.MostProjectsByDivision)) return AnswerIntent.MostProjectsByDivision;
        if (intents.Contains(AnswerIntent.MostProjects)) return AnswerIntent.MostProjects;
        if (intents.Contains(AnswerIntent.Largest)) return AnswerIntent.Largest;
        if (intents.Contains(AnswerIntent.Smallest)) return AnswerIntent.Smallest;
        // あわせると何件？ counts; あわせるといくら？ sums: a count beside a word of putting together (not of a total of money)
        // is what is asked, unless money is asked too. A sum's answer gives the count as well (how many, and their total budget?).
        var onlyPutTogether = matches.Where(m => m.Value.Intent == AnswerIntent.Sum).All(m => PutTogether.Any(w => m.Phrase.Contains(w, StringComparison.OrdinalIgnoreCase)));
        if (intents.Contains(AnswerIntent.Sum) && !(intents.Contains(AnswerIntent.Count) && onlyPutTogether && !IsFigureQuestion(q))) return AnswerIntent.Sum;
        if (intents.Contains(AnswerIntent.Count))
        {
            var aboutProjects = matches.Any(m => m.Value.Intent == AnswerIntent.Count && (m.Phrase.Contains("事業") || m.Phrase.Contains("project") || m.Phrase.Contains("program") || m.Phrase.Contains("of them") || m.Phrase.Contains("are") || m.Phrase.Contains("have")
                                                                                    || CountsProjects(query, m.Start)));
            // 1億円以上かかってる事業は何件？ counts: a verb names no thing to count of.
            return q.Terms.All(t => t.Kind == TermKind.Verb) || aboutProjects ? AnswerIntent.Count : AnswerIntent.Fact;
        }
        var figure = q.Terms.Count == 0 && q.HasFilters && IsFigureQuestion(q);
        if (intents.Contains(AnswerIntent.Fact)) return figure ? AnswerIntent.Sum : AnswerIntent.Fact;
        if (figure) return AnswerIntent.Sum;
        // A question about a cell (〇〇の結果はどうだった？ ドローンを使ってるのはどこの部署？ それぞれの担当課は？) asks a detail.
        return q.AskedColumn != PlanColumn.None ? AnswerIntent.Fact : AnswerIntent.List;
    }

    /// <summary>
    /// Japanese words of putting things together, which add up a count as well as money (合わせると何件？). In English,
    /// "how many …, and what do they add up to?" asks both, which a sum's answer gives.
    /// </summary>
    private static readonly string[] PutTogether = ["合わせ", "あわせ", "足"];

    /// <summary>Words that name projects, which a count may be of (防災の事業は何件？ counts projects; アクセスは何件？ asks a figure).</summary>
    private static readonly HashSet<string> ProjectWords = ["事業", "じぎょう", "取組", "取り組み", "取組み", "とりくみ", "施策", "もの"];

    /// <summary>Words that may stand between a count's noun and the count (事業は全部で何件).</summary>
    private static readonly HashSet<string> CountFillers = ["全部", "ぜんぶ", "全体", "合計", "総数", "計", "で", "は", "が", "って", "の", "、"];

    /// <summary>Whether the noun that the count at <paramref name="start"/> is of names projects: the last word before it, past particles and 全部で.</summary>
    private static bool CountsProjects(QueryText query, int start)
    {
        for (var i = query.Morphemes.Count - 1; i >= 0; i--)
        {
            var m = query.Morphemes[i];
            if (m.End > start) continue;
            var surface = query.Text[m.Start..m.End];
            if (CountFillers.Contains(surface) || m.Features.PartOfSpeech.StartsWith("助詞", StringComparison.Ordinal)) continue;
            return ProjectWords.Contains(surface) || ProjectWords.Contains(m.Features.BaseForm ?? "");
        }
        return false;
    }

    /// <summary>
    /// Whether a name is what the question leaves out: "but not" right after it (警察本部以外, 教育庁を除く) or right
    /// before it (except the police, other than the Board of Education).
    /// </summary>
    private static bool IsExcepted(QueryText query, int start, int end, IReadOnlyList<(int Start, int End)> exceptions) =>
        exceptions.Any(e => (e.Start >= end && query.Text.AsSpan(end, e.Start - end).Trim().Length <= 1) ||
                            (e.End <= start && query.Text.AsSpan(e.End, start - e.End).Trim() is var between && (between.Length == 0 || between.SequenceEqual("the"))));

    /// <summary>
    /// Whether a name is where the asker does what they say of themselves (議会で質問したいんですが、… ; 議会の準備で、…): their
    /// setting or the occasion they ask for, not a department whose projects they ask for.
    /// </summary>
    private static bool IsAskersSetting(QueryText query, PhraseMatch<string> match, int contextEnd)
    {
        if (match.End > contextEnd || query.MorphemeAfter(match.End) is not { } next || !next.Features.PartOfSpeech.StartsWith("助詞", StringComparison.Ordinal)) return false;
        var particle = query.Text.AsSpan(next.Start, next.End - next.Start);
        return particle is "で" || (particle is "の" && query.MorphemeAfter(next.End) is { } noun && QuestionContext.IsOccasion(query, noun));
    }

    /// <summary>
    /// A short name (保健福祉, 危機管理) names a department only when it stands on its own: inside a compound
    /// (感染症危機管理ネットワーク) it is part of another name.
    /// </summary>
    private static bool IsStandalone(QueryText query, PhraseMatch<string> match, IReadOnlyList<string> fullNames)
    {
        if (fullNames.Contains(match.Phrase) || !JapaneseCharacters.IsJapanese(match.Phrase[0])) return true;
        static bool IsNoun(MeCabMorpheme? m) => m is { } x && x.Features.PartOfSpeech.StartsWith("名詞", StringComparison.Ordinal) && !x.Features.PartOfSpeech.Contains("接尾");
        return !IsNoun(query.MorphemeBefore(match.Start)) && !IsNoun(query.MorphemeAfter(match.End));
    }

    /// <summary>
    /// The group with the plan's words that mean the same as its own (年寄り → 高齢者; recipes → レシピ), from the synonym
    /// dictionary, and, for an English word neither the glossary nor the synonyms know, the Japanese words EDICT glosses
    /// it with (hospital → 病院). Only words the plan writes are kept: the others could match nothing. Verbs and
    /// の-phrases are left as they are: their synonyms stray too far.
    /// </summary>
    private TermGroup WithSynonyms(TermGroup group, IndexVocabulary vocabulary)
    {
        if (group.Kind is TermKind.Verb or TermKind.Link) return group;
        var words = group.Alternatives.Prepend(group.Text).Distinct().ToList();
        words.AddRange(words.Where(w => w.All(c => c < 0x80)).SelectMany(EnglishForms.Singulars).ToList());
        var synonyms = PlanWords(group, words.SelectMany(_synonyms.Of)
            .Concat(words.SelectMany(vocabulary.CompoundsEndingIn).Concat(words.SelectMany(vocabulary.NamesStartingWith)).Select(w => new Synonym(w, SynonymDictionary.SameWord))), vocabulary);
        // A Japanese name in romaji no dictionary knows (Koriyama, Aizu) is the plan's word of that reading (郡山, 会津).
        // So is one the plan writes as several words (hinansha: 避難者; kyoujinsei: 強靱性), spelled as kana typed alone is.
        if (group.Kind == TermKind.UnknownEnglish && synonyms.Count == 0 && !_glosses.Knows(group.Text) && Romaji.ToKatakana(group.Text) is { } kana &&
            (vocabulary.Readings.SpellingOfRomaji(kana) is { } name && vocabulary.Has(name) ? name : SpelledFromKana(kana, vocabulary)) is { } japanese)
            return group with { Alternatives = [japanese], Kind = TermKind.Word };
        // An English word the glossary does not know is a thing when the dictionary spells it in Japanese (database:
        // データベース); known only by other words, it stays half as telling: it may be a verb (help: 支援) as well.
        var spelled = group.Kind == TermKind.UnknownEnglish && synonyms.Any(s => s.Weight >= SynonymDictionary.SameWord);
        if (group.Text.All(c => c < 0x80) && !spelled)
        {
            // A verb (keep, hit) ranks rows by its likeliest Japanese words but is not what the question is about.
            // Rarer words or senses only where the plan has none of the likeliest (school: 学校, not 流れ, a school of fish).
            var verb = _glosses.IsVerb(group.Text) || IsParticiple(group.Text);
            var glossed = _glosses.Of(group.Text);
            var glosses = PlanWords(group, glossed, vocabulary);
            // A clipped word glossed only as a loanword the plan lacks (max: マックス; info: インフォ) reaches the plan through
            // that loanword's first English gloss, the word in full (maximum → 最大; information → 情報).
            if (glosses.Count == 0 && !verb)
                glosses = PlanWords(group, glossed.Where(g => g.Weight >= EnglishGlosses.Likeliest && JapaneseCharacters.IsAllKatakana(g.Word))
                    .SelectMany(g => _japaneseGlosses.Of(g.Word).Take(1)).Where(full => full != group.Text)
                    .SelectMany(full => JapaneseOf(full).Select(w => new Synonym(w, EnglishGlosses.Possible))), vocabulary);
            if (verb || glosses.Any(g => g.Weight >= EnglishGlosses.Likeliest)) glosses = glosses.Where(g => g.Weight >= EnglishGlosses.Likeliest).ToList();
            synonyms = PlanWords(group, synonyms.Concat(glosses), vocabulary);
            // So does a word that describes (internal, together): it says how a thing is, not which thing.
            if ((verb || _glosses.Describes(group.Text)) && group.Kind == TermKind.UnknownEnglish) return group with { Synonyms = synonyms, Kind = TermKind.Verb };
            // A noun EDICT knows that the plan never writes in any of its senses (desk: 机) is a thing the plan lacks,
            // as telling as any noun: no typo or filler.
            if (!verb && group.Kind == TermKind.UnknownEnglish && synonyms.Count == 0 && _glosses.IsNoun(group.Text) &&
                glossed.Any(g => g.Weight >= EnglishGlosses.Likeliest))
                return group with { IsKnownNoun = true };
        }
        // A Japanese word the plan never writes, which no synonym reaches (病院, 田んぼ): the plan's words for the English of
        // its first sense (hospital: 医療機関; paddy field: 水田), as less sure synonyms.
        if (synonyms.Count == 0 && !group.Alternatives.Any(vocabulary.Has) && group.Text.Any(c => JapaneseCharacters.IsJapanese(c)))
            synonyms = PlanWords(group, words.SelectMany(ThroughEnglish), vocabulary);
        if (synonyms.Count == 0) return group;
        return group with { Synonyms = synonyms, Kind = spelled ? TermKind.Word : group.Kind };
    }

    /// <summary>
    /// A group with its synonyms, and a list's items each with theirs: a list matches what any of its items' words do (rice
    /// paddies or slopes: 水田, 傾斜), which the list as a whole, not being one English word, is not glossed with.
    /// </summary>
    private TermGroup ListWithSynonyms(TermGroup group, IndexVocabulary vocabulary)
    {
        var members = group.Members.Select(m => WithSynonyms(m, vocabulary)).ToList();
        var whole = WithSynonyms(group, vocabulary) with { Members = members };
        if (members.Count < 2) return whole;
        var synonyms = whole.Synonyms.Concat(members.Where(m => m.Kind != TermKind.Verb).SelectMany(m => m.Synonyms))
            .Where(s => !whole.Alternatives.Contains(s.Word, StringComparer.OrdinalIgnoreCase))
            .GroupBy(s => s.Word).Select(g => g.MaxBy(s => s.Weight)!).OrderByDescending(s => s.Weight).ToList();
        return whole with { Synonyms = synonyms };
    }

    /// <summary>
    /// An -ing form of a verb that EDICT also lists as a noun (flying: 飛行; developing: 新興): in a question it is mostly
    /// the verb (flying drones, developing farm robots), which ranks but is not what is asked about.
    /// </summary>
    private bool IsParticiple(string english) => EnglishForms.VerbsOfIng(english).Any(_glosses.IsVerb);

    /// <summary>The Japanese words of an English word or phrase: the glossary's, then EDICT's likeliest.</summary>
    private IEnumerable<string> JapaneseOf(string english) =>
        _glossaryEnglish[english].Concat(_glosses.Of(english).Where(g => g.Weight >= EnglishGlosses.Likeliest).Select(g => g.Word));

    /// <summary>The Japanese words of an English word or of its singular.</summary>
    private IEnumerable<string> JapaneseOfAnyForm(string english) => EnglishForms.Singulars(english).Prepend(english).SelectMany(JapaneseOf);

    /// <summary>
    /// Through the English glosses of the word's first sense: the glossary's words for them and EDICT's likeliest. Not through
    /// an English word that is mostly a verb (熊: bear, whose likeliest words are 担う and 負う): its words are the verb's.
    /// </summary>
    private IEnumerable<Synonym> ThroughEnglish(string word) =>
        _japaneseGlosses.Of(word).Where(english => !_glosses.IsVerb(english)).SelectMany(english => JapaneseOf(english)
            .Where(w => w != word)
            .Select(w => new Synonym(w, EnglishGlosses.Possible)));

    /// <summary>The candidates the plan writes, other than the group's own spellings, each once at its surest, the surest first.</summary>
    private static List<Synonym> PlanWords(TermGroup group, IEnumerable<Synonym> candidates, IndexVocabulary vocabulary) =>
        candidates
            .Where(s => !group.Alternatives.Contains(s.Word, StringComparer.OrdinalIgnoreCase) && vocabulary.Has(s.Word))
            .GroupBy(s => s.Word).Select(g => g.MaxBy(s => s.Weight))
            .OrderByDescending(s => s.Weight)
            .Take(MaxSynonyms)
            .ToList();

    /// <summary>
    /// Names with a word of theirs spelled as the glossary's other words searched for it spell it (障がい福祉課: 障害福祉課, as
    /// the line 障がい|障害 has it), each with the name as printed.
    /// </summary>
    private IEnumerable<(string Spelling, string Name)> OtherSpellings(IEnumerable<string> names)
    {
        var spellings = _glossary.Terms.Select(t => t.Term).Distinct().Select(t => t.Search.Where(w => w.Length >= 2 && w.Any(c => c >= 0x80)).ToList()).Where(s => s.Count > 1).ToList();
        foreach (var name in names)
        {
            foreach (var words in spellings)
            {
                foreach (var word in words.Where(w => name.Contains(w, StringComparison.Ordinal)))
                {
                    foreach (var other in words.Where(o => o != word && !name.Contains(o, StringComparison.Ordinal))) yield return (name.Replace(word, other), name);
                }
            }
        }
    }

    /// <summary>The names and glossary words a question may type in kana (ききかんりぶ, みじっし, いちばん).</summary>
    private IEnumerable<string> KanaNames(IndexVocabulary vocabulary) =>
        vocabulary.Departments.Concat(vocabulary.Divisions).Concat(vocabulary.SectionTitles.Select(s => s.Title))
            .Concat(_glossary.Departments.Select(d => d.Phrase)).Concat(_glossary.Sections.Select(s => s.Phrase))
            .Concat(_glossary.Terms.Select(t => t.Phrase)).Concat(_glossary.Filters.Select(f => f.Phrase))
            .Concat(_glossary.Intents.Select(i => i.Phrase)).Concat(_glossary.Columns.Select(c => c.Phrase))
            .Concat(_glossary.JapaneseStopWords).Concat(BudgetExpression.Words).Append("柱")
            .SelectMany(p => p.Split(LemmaPhraseMatcher<int>.Gap, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The plan's words a reading spells when typed as a word of its own in kana (ヒナンシャ: 避難者; ミマモリ: 見守り), or null
    /// when it does not begin with one.
    /// </summary>
    private string? SpelledFromKana(string katakana, IndexVocabulary vocabulary)
    {
        var kana = JapaneseCharacters.KatakanaToHiragana(katakana);
        var (text, words) = KanaSpelling.Resolve(kana, vocabulary.Readings, _model, _japaneseGlosses.SpellingOf);
        return words.Count > 0 && text != kana && !JapaneseCharacters.IsHiragana(text[0]) ? text : null;
    }

    private bool IsTopic(TermGroup group) =>
        group.Alternatives.Prepend(group.Text).Any(w => _glossary.TopicWords.Contains(w.ToNfkc().LowerInvariant()));

    private Names NamesOf(IndexSnapshot snapshot)
    {
        var vocabulary = IndexVocabulary.Of(snapshot);
        if (_names is { } cached && ReferenceEquals(cached.Vocabulary, vocabulary)) return cached;
        var names = new Names(
            vocabulary,
            new PhraseMatcher<string>(vocabulary.Departments.Select(d => (d, d)).Concat(_glossary.Departments.Select(a => (a.Phrase, a.Department))), IsFullName),
            new PhraseMatcher<string>(vocabulary.Divisions.Where(d => d.Length >= 3).Select(d => (d, d)).Concat(DivisionNameParts.Divisions(vocabulary.Divisions))
                .Concat(OtherSpellings(vocabulary.Divisions)), IsFullName),
            // Sections by their words too: a long title typed with spaces (人材・基盤の 育成、強化の 柱) is still the title.
            new GlossaryPhraseMatcher<int>(vocabulary.SectionTitles.Select(s => (s.Title, s.Section)).Concat(_glossary.Sections.Select(s => (s.Phrase, s.Section))), _model),
            // Besides the plan's words, its names and the glossary's words may be typed in kana as a whole.
            vocabulary.Readings.With(KanaNames(vocabulary), _model),
            new RomajiNames(vocabulary.Departments.Concat(vocabulary.Divisions), _model),
            new EnglishDivisionNames(vocabulary.Divisions, JapaneseOfAnyForm),
            new PhraseMatcher<string>(DivisionNameParts.Bodies(vocabulary.Divisions)));
        _names = names;
        return names;

        // A department's or division's name as the plan writes it is its own word wherever it ends.
        bool IsFullName(string phrase) => phrase.Length >= 3 && (vocabulary.Departments.Contains(phrase) || vocabulary.Divisions.Contains(phrase));
    }
}
