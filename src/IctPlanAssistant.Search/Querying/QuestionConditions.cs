using IctPlanAssistant.Achievement;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// What the condition words of a question (filters.tsv) say: conditions on the rows (new, achievement, no budget
/// figure), negated ones turned to their opposite (目標を達成できなかった: below target), whether it refers back to the
/// previous answer (そのうち, of them) or to one of its rows by its place (2つ目の事業, the first one), or leaves out what
/// the previous question said (じゃあ…は？, what about…), and,
/// when a condition is what a yes/no question asks of a project (〇〇事業は目標達成できたの？), the column it asks about
/// instead of a condition.
/// </summary>
internal sealed partial record QuestionConditions(
    bool? IsNew,
    AchievementStatus Achievement,
    bool? HasBudget,
    bool RefersBack,
    bool Elliptical,
    PlanColumn Asked)
{
    /// <summary>The row of the previous answer the question picks by its place (2つ目: the second; 最後の: the last), if any.</summary>
    public System.Index? Ordinal { get; init; }

    /// <summary>The question asks for the rows the previous answer did not show (他には？ what else?).</summary>
    public bool Others { get; init; }

    /// <summary>The question tells one of the previous rows by what it is about (the special needs one, タブレットのやつ).</summary>
    public bool TellsOne { get; init; }

    /// <summary>The question asks for every project (事業を全部教えて, list all projects).</summary>
    public bool Everything { get; init; }

    /// <summary>The question asks a detail of each of its rows (それぞれの予算は？ each of them).</summary>
    public bool Each { get; init; }

    /// <summary>The question asks whether each row is new (新規事業かどうか): the answer says so of each.</summary>
    public bool AsksWhetherNew { get; init; }

    /// <summary>Where the question says "but not" (以外, を除く, except, other than): the name beside it is left out.</summary>
    public IReadOnlyList<(int Start, int End)> Exceptions { get; init; } = [];

    public static QuestionConditions Read(IReadOnlyList<GlossaryMatch<FilterPhrase>> matches, QueryText query)
    {
        bool? isNew = null, hasBudget = null;
        var achievement = AchievementStatus.None;
        bool refersBack = false, elliptical = false;
        var asked = PlanColumn.None;
        System.Index? ordinal = null;
        var others = false;
        var everything = false;
        var each = false;
        var whetherNew = false;
        var exceptions = new List<(int, int)>();
        var setAsideEnd = -1; // where the last condition set aside ends: the conditions written on after it are set aside too
        foreach (var match in matches.OrderBy(m => m.Start))
        {
            if (IsSetAside(query, match) || (setAsideEnd >= 0 && query.Text.AsSpan(setAsideEnd, Math.Max(0, match.Start - setAsideEnd)).IsWhiteSpace()))
            {
                setAsideEnd = match.End;
                continue;
            }
            var words = match.Negated && match.Value.WhenNegated.Count > 0 ? match.Value.WhenNegated
                : match.Value.Condition is { } condition ? [condition] : [];
            // 新規事業かどうか, whether it is new: asked about for each row, it picks no rows.
            if (words.Count > 0 && IsWhether(query, match))
            {
                if (asked == PlanColumn.None) asked = ColumnOf(words[0]);
                whetherNew |= words[0] is FilterWord.New or FilterWord.NotNew;
                continue;
            }
            foreach (var word in words)
            {
                if (Glossary.AchievementOf(word) is var status and not AchievementStatus.None)
                {
                    // 〇〇は目標を達成できたの？ asks how a project did; 目標を達成した事業 names the projects that did.
                    // An English phrase's place in its sentence is not read: an English yes/no question is one already.
                    if (Interrogatives.IsYesNo(query, match.Start) && (QueryText.IsLatin(match.Phrase[^1]) || Predicate.IsMain(query, match.LastMorpheme))) asked = PlanColumn.Achievement;
                    else achievement |= status;
                    continue;
                }
                switch (word)
                {
                    case FilterWord.New: isNew = true; break;
                    case FilterWord.NotNew: isNew = false; break;
                    case FilterWord.NoBudget: hasBudget = false; break;
                    case FilterWord.HasBudget: hasBudget = true; break;
                    case FilterWord.Scope: refersBack = true; break;
                    case FilterWord.Ellipsis: elliptical = true; break;
                    case FilterWord.Others: others = true; break;
                    case FilterWord.Every: everything = true; break;
                    case FilterWord.Each: each = refersBack = true; break; // each of those: the earlier answer's, where there is one
                    case FilterWord.Except: exceptions.Add((match.Start, match.End)); break;
                    case FilterWord.Last when IsPlace(query, match): ordinal = ^1; break;
                    case >= FilterWord.First and <= FilterWord.Fifth when IsPlace(query, match): ordinal = word - FilterWord.First; break;
                }
            }
        }
        // The tablet one, the programming school one, the one with tablets: one of the rows before, told by what it is about (its words then
        // pick it among them). A place (the first one) is told by its place instead.
        var tellsOne = ordinal is null && TheOne().IsMatch(query.Text);
        if (tellsOne) refersBack = true;
        return new QuestionConditions(isNew, achievement, hasBudget, refersBack, elliptical, asked) { Ordinal = ordinal, Others = others, Everything = everything, Each = each, TellsOne = tellsOne, Exceptions = exceptions, AsksWhetherNew = whetherNew };
    }

    /// <summary>English words before a condition by which the question sets it aside (not just, rather than): it is contrasted, neither asked nor negated.</summary>
    private static readonly string[][] SetAsideWords =
        [["not", "just"], ["not", "only"], ["not", "merely"], ["not", "simply"], ["rather", "than"], ["instead", "of"], ["as", "opposed", "to"]];

    /// <summary>
    /// Whether an English condition is set aside by the words just before it (…target was achieved — not just 'carried out as
    /// planned'): the other condition is what is asked, and "not" there negates nothing.
    /// </summary>
    private static bool IsSetAside(QueryText query, GlossaryMatch<FilterPhrase> match)
    {
        if (!QueryText.IsLatin(match.Phrase[0])) return false;
        var before = query.WordsBefore(match.Start, 3).ToArray();
        return SetAsideWords.Any(words => before.AsSpan().EndsWith(words));
    }

    /// <summary>Words after an English ordinal by which it still names a place in the list (the first one, the second of them, the third project).</summary>
    private static readonly HashSet<string> PlaceWords = ["one", "ones", "of", "project", "projects", "please", "and", "in", "on"];

    /// <summary>
    /// Whether an ordinal names a place in the previous answer's list: the first, the last… unless a word other than one,
    /// of or project follows it in its sentence (the first cohort, the last year name something of a project).
    /// </summary>
    private static bool IsPlace(QueryText query, GlossaryMatch<FilterPhrase> match) =>
        match.Phrase.Split(' ') is not ["the", _] || query.WordAfter(match.End) is not { } next || PlaceWords.Contains(next);

    /// <summary>Whether the condition is asked as a question of its own: 新規事業かどうか, 達成したか否か, whether it is new.</summary>
    private static bool IsWhether(QueryText query, GlossaryMatch<FilterPhrase> match)
    {
        var after = query.Text.AsSpan(match.End).TrimStart();
        if (after.StartsWith("かどうか") || after.StartsWith("か否か") || after.StartsWith("かどうなのか")) return true;
        // whether (it is, they are) new: "whether" among the three words before.
        return query.WordsBefore(match.Start, 3).Contains("whether");
    }

    /// <summary>The column a condition is a value of, where the answer quotes it (the new flag is said beside each listed row instead: <see cref="AsksWhetherNew"/>).</summary>
    private static PlanColumn ColumnOf(FilterWord word) => word switch
    {
        FilterWord.Achieved or FilterWord.AsPlanned or FilterWord.BelowTarget or FilterWord.NotImplemented => PlanColumn.Achievement,
        _ => PlanColumn.None,
    };

    /// <summary>Whether the text tells one project by what it is about (the tablet one, the kyoujinsei one).</summary>
    public static bool TellsOneIn(string text) => TheOne().IsMatch(text.ToLowerInvariant());

    [System.Text.RegularExpressions.GeneratedRegex(@"\bthe(?: [a-z-]+){1,3} one\b|\bthe ones? (?:with|about|for|on|that|which|where)\b|\p{IsCJKUnifiedIdeographs}のやつ|[\p{IsKatakana}ー]のやつ")]
    private static partial System.Text.RegularExpressions.Regex TheOne();
}

/// <summary>How a question's words stand in its sentence.</summary>
internal static class Predicate
{
    /// <summary>
    /// Whether the words up to the morpheme <paramref name="last"/> are the main predicate of the sentence (〇〇は目標を
    /// 達成できたの？) rather than a clause that describes a noun (目標を達成した事業): after them come only auxiliaries,
    /// particles and the end of the sentence, no noun. A sentence after it (…届いたの？部署関係なく全部知りたい) is another's.
    /// </summary>
    public static bool IsMain(QueryText query, int last)
    {
        if (last < 0) return true;
        var morphemes = query.Morphemes;
        for (var i = last + 1; i < morphemes.Count; i++)
        {
            var m = morphemes[i];
            if (query.HasSentenceEndBetween(morphemes[i - 1].Start, m.Start)) return true;
            var pos = m.Features.PartOfSpeech;
            if (!pos.StartsWith("名詞", StringComparison.Ordinal)) continue;
            // の and ん close a sentence (できたの？ できたんですか？) unless a particle makes them a noun (達成したのはどれ？);
            // any other noun (事業, もの) is what the words describe.
            var surface = query.Text[m.Start..m.End];
            var next = i + 1 < morphemes.Count ? morphemes[i + 1].Features.PartOfSpeech : "";
            var closes = surface is "の" or "ん" && (next.Length == 0 || next.StartsWith("助動詞", StringComparison.Ordinal) ||
                                                   next.StartsWith("助詞-終助詞", StringComparison.Ordinal) || next.StartsWith("記号", StringComparison.Ordinal));
            if (!closes) return false;
        }
        return true;
    }
}

/// <summary>Whether a question asks which or what (and so wants rows or a cell), or only whether (yes or no).</summary>
internal static class Interrogatives
{
    private static readonly HashSet<string> Japanese =
        ["どれ", "どの", "どこ", "何", "なに", "なん", "いくら", "幾ら", "いつ", "どう", "どんな", "どういう", "どのくらい", "どれくらい", "誰", "だれ", "いくつ", "何件", "なぜ", "どうして"];

    private static readonly HashSet<string> English = ["which", "what", "who", "whom", "whose", "how", "when", "where", "why", "list", "show"];

    private static readonly HashSet<string> EnglishAuxiliaries = ["did", "does", "do", "is", "was", "were", "are", "has", "have", "had", "can", "could", "will"];

    /// <summary>Whether an English sentence or clause that begins with the word asks whether (can I…, is there…).</summary>
    public static bool StartsAYesNoQuestion(string word) => EnglishAuxiliaries.Contains(word);

    /// <summary>Whether the question has a word that asks which, what, where, how much…</summary>
    public static bool Any(QueryText query) => Enumerable.Range(0, query.Morphemes.Count).Any(i => IsInterrogative(query, i));

    /// <summary>Whether the sentence of the question that holds <paramref name="position"/> has a word that asks (それってできたの？具体的に何をやったの？: the first does not).</summary>
    private static bool AnyInSentence(QueryText query, int position)
    {
        var start = query.Text.LastIndexOfAny(SentenceEnds, Math.Max(0, position - 1)) + 1;
        var end = query.Text.IndexOfAny(SentenceEnds, position);
        if (end < 0) end = query.Text.Length;
        return Enumerable.Range(0, query.Morphemes.Count).Any(i => query.Morphemes[i].Start >= start && query.Morphemes[i].End <= end && IsInterrogative(query, i));
    }

    private static readonly char[] SentenceEnds = ['。', '？', '?', '！', '!'];

    /// <summary>
    /// Whether a word that asks stands next to the span (within <see cref="Nearby"/> words either side): どこの部署,
    /// 担当の課はどこ, which division, what is the budget; a question that asks for projects (Which projects of the PR
    /// division…) does not ask for the division.
    /// </summary>
    public static bool Near(QueryText query, int start, int end)
    {
        var first = query.Morphemes.ToList().FindIndex(m => m.End > start);
        var last = query.Morphemes.ToList().FindLastIndex(m => m.Start < end);
        if (first < 0 || last < 0) return false;
        for (var i = Math.Max(0, first - Nearby); i <= Math.Min(query.Morphemes.Count - 1, last + Nearby); i++)
        {
            // Only within the phrase's sentence: …ってどれ？部署関係なく… asks which projects, not which department.
            var m = query.Morphemes[i];
            if (m.End <= start ? query.HasSentenceEndBetween(m.End, start) : m.Start >= end && query.HasSentenceEndBetween(end, m.Start)) continue;
            if (IsInterrogative(query, i)) return true; // the phrase itself may ask (どこの課, which division)
        }
        return false;
    }

    private const int Nearby = 3;

    private static bool IsInterrogative(QueryText query, int i)
    {
        var m = query.Morphemes[i];
        var surface = query.Text[m.Start..m.End];
        return Japanese.Contains(surface) || Japanese.Contains(m.Features.BaseForm ?? surface) || English.Contains(surface);
    }

    /// <summary>
    /// Whether the question asks only whether (〇〇は目標を達成できたの？ Did it meet its target?), not which projects do:
    /// it has no interrogative, and an English one opens with an auxiliary that is not followed by any or there
    /// (Did any projects fall short? asks which).
    /// </summary>
    public static bool IsYesNo(QueryText query) => IsYesNo(query, position: null);

    /// <summary>Whether the sentence holding <paramref name="position"/> (the whole question when null) asks only whether.</summary>
    public static bool IsYesNo(QueryText query, int? position)
    {
        var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[0].All(char.IsAsciiLetter))
            return !Any(query) && EnglishAuxiliaries.Contains(words[0]) && words.Length > 1 && words[1] is not ("any" or "there");
        return position is { } at ? !AnyInSentence(query, at) : !Any(query);
    }
}
