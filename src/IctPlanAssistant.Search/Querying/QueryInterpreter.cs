using IctPlanAssistant.Achievement;
using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Retrieval;
using IctPlanAssistant.Text;

namespace IctPlanAssistant.Search.Querying;

/// <summary>What a follow-up question resolves against: the previous turn's interpretation and the rows it showed.</summary>
public sealed record PreviousTurn(QueryInterpretation Interpretation, IReadOnlyList<RowId> Rows);

/// <summary>
/// Reads a question, Japanese or English, into a <see cref="QueryInterpretation"/>: budget conditions, filter and
/// intent words, departments, divisions and sections (by the plan's own names and the glossary's), glossary terms
/// with their other spellings, then the remaining content words (MeCab nouns and verbs, English words), and, in a
/// conversation, what a follow-up refers to.
/// </summary>
public sealed class QueryInterpreter
{

    private readonly Glossary _glossary;
    private readonly PlanIndex _index;
    private readonly MeCabModel _model;
    private readonly SynonymDictionary _synonyms;
    private readonly PhraseMatcher<FilterWord> _filters;
    private readonly PhraseMatcher<IntentWord> _intents;
    private readonly PhraseMatcher<GlossaryTerm> _terms;
    private readonly PhraseMatcher<int> _sectionsInContext;
    private readonly PhraseMatcher<string> _sectionContext = new([("柱", ""), ("pillar", ""), ("分野", ""), ("area", ""), ("field", "")]);
    private Names? _names;

    /// <summary>The names the served index holds, as matchers, rebuilt when a new index generation is served.</summary>
    private sealed record Names(IndexVocabulary Vocabulary, PhraseMatcher<string> Departments, PhraseMatcher<string> Divisions, PhraseMatcher<int> Sections, ReadingVocabulary Readings);

    public QueryInterpreter(Glossary glossary, PlanIndex index, MeCabModel? model = null, SynonymDictionary? synonyms = null)
    {
        _glossary = glossary;
        _index = index;
        _model = model ?? MeCabModel.Shared;
        _synonyms = synonyms ?? SynonymDictionary.Default;
        _filters = new(glossary.Filters);
        _intents = new(glossary.Intents);
        _terms = new(glossary.Terms);
        _sectionsInContext = new(glossary.SectionsInContext);
    }

    /// <summary>Only the start of a longer text is read: no question is this long, and a huge one must not cost minutes.</summary>
    public const int MaxReadLength = 2000;

    /// <summary>At most this many term groups are searched (a longer text lists more words than any question asks about).</summary>
    public const int MaxTerms = 32;

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
        var language = question.Any(c => JapaneseCharacters.IsJapanese(c)) ? QueryLanguage.Japanese : QueryLanguage.English;
        // Case is kept until QueryText has its cased copy: an acronym (IT, HP) is told from a word (it) by its capitals.
        // Words typed in kana are read as the plan writes them (ほうしゃせん → 放射線) before anything else reads the question.
        var (text, kanaWords) = KanaSpelling.Resolve(QueryText.NormalizeKeepingCase(question), names.Readings, _model);
        var query = new QueryText(text, _model);

        var budget = BudgetExpression.Read(query);
        var filterWords = _filters.FindAll(query).Select(m => m.Value).ToHashSet();
        var intentMatches = _intents.FindAll(query);
        var departments = names.Departments.FindAll(query, accept: m => IsStandalone(query, m, names.Vocabulary.Departments)).Select(m => m.Value).Distinct().ToList();
        var divisions = names.Divisions.FindAll(query).Select(m => m.Value).Distinct().ToList();
        var sections = names.Sections.FindAll(query).Select(m => m.Value).ToList();
        if (_sectionContext.FindAll(query, consume: false).Count > 0)
        {
            sections.AddRange(_sectionsInContext.FindAll(query).Select(m => m.Value));
            _sectionContext.FindAll(query);
        }
        var glossaryTerms = _terms.FindAll(query);
        var terms = query.Text.Any(c => JapaneseCharacters.IsJapanese(c))
            ? JapaneseWords(query, glossaryTerms, kanaWords)
            : glossaryTerms.GroupBy(m => m.Value).Select(g => new TermGroup(g.First().Phrase, g.Key.Search)).ToList();
        terms.AddRange(EnglishWords(query).Where(w => terms.All(t => !t.Alternatives.Contains(w.Text))));

        var achievement = filterWords.Aggregate(AchievementStatus.None, (a, f) => a | Glossary.AchievementOf(f));
        var interpretation = new QueryInterpretation
        {
            Question = question,
            Language = language,
            Departments = departments,
            Sections = sections.Distinct().Order().ToList(),
            Divisions = divisions,
            IsNew = filterWords.Contains(FilterWord.New) ? true : filterWords.Contains(FilterWord.NotNew) ? false : null,
            Budget = budget,
            Achievement = achievement,
            HasBudget = filterWords.Contains(FilterWord.NoBudget) ? false : null,
            Terms = terms.Take(MaxTerms).Select(t => WithSynonyms(t, names.Vocabulary)).ToList(),
        };
        var intent = IntentOf(intentMatches, interpretation);
        interpretation = interpretation with
        {
            Intent = intent,
            Order = intent switch
            {
                AnswerIntent.Largest => RowSort.BudgetDescending,
                AnswerIntent.Smallest => RowSort.BudgetAscending,
                _ => RowSort.Relevance,
            },
            AnswerUnits = intentMatches.SelectMany(m => m.Value.Units).Distinct().ToList(),
        };
        return previous is null ? interpretation : FollowUp(interpretation, previous, filterWords);
    }

    /// <summary>Resolves a follow-up: "of them" narrows to the previous rows; "じゃあ教育庁は？" reuses the previous words.</summary>
    private static QueryInterpretation FollowUp(QueryInterpretation q, PreviousTurn previous, HashSet<FilterWord> filterWords)
    {
        // "Of them" refers back; so does a question with nothing of its own to search (合わせていくら？ この事業の担当課は？).
        var refersBack = filterWords.Contains(FilterWord.Scope) || (q.Terms.Count == 0 && !q.HasFilters);
        if (refersBack)
        {
            var intent = q.Intent == AnswerIntent.Fact && q.Terms.Count == 0 && IsFigureQuestion(q) ? AnswerIntent.Sum : q.Intent;
            return q with { Scope = previous.Rows, Intent = intent, Language = q.Language };
        }
        var elliptical = q.Terms.Count == 0 && q.HasFilters && q.Intent == AnswerIntent.List &&
                         (filterWords.Contains(FilterWord.Ellipsis) || q.Question.Trim().Length <= 12);
        if (elliptical)
        {
            var p = previous.Interpretation;
            return q with
            {
                Terms = p.Terms,
                Departments = q.Departments.Count > 0 ? q.Departments : p.Departments,
                Sections = q.Sections.Count > 0 ? q.Sections : p.Sections,
                Divisions = q.Divisions.Count > 0 ? q.Divisions : p.Divisions,
                IsNew = q.IsNew ?? p.IsNew,
                Budget = q.Budget ?? p.Budget,
            };
        }
        return q;
    }

    private static bool IsFigureQuestion(QueryInterpretation q) =>
        q.Question.Contains("いくら") || q.Question.Contains("how much", StringComparison.OrdinalIgnoreCase);

    private static AnswerIntent IntentOf(List<PhraseMatch<IntentWord>> matches, QueryInterpretation q)
    {
        var intents = matches.Select(m => m.Value.Intent).ToHashSet();
        if (intents.Contains(AnswerIntent.Largest)) return AnswerIntent.Largest;
        if (intents.Contains(AnswerIntent.Smallest)) return AnswerIntent.Smallest;
        if (intents.Contains(AnswerIntent.Sum)) return AnswerIntent.Sum;
        if (intents.Contains(AnswerIntent.Count))
        {
            var aboutProjects = matches.Any(m => m.Value.Intent == AnswerIntent.Count && (m.Phrase.Contains("事業") || m.Phrase.Contains("project") || m.Phrase.Contains("program") || m.Phrase.Contains("of them") || m.Phrase.Contains("are") || m.Phrase.Contains("have")));
            return q.Terms.Count == 0 || aboutProjects ? AnswerIntent.Count : AnswerIntent.Fact;
        }
        if (intents.Contains(AnswerIntent.Fact))
            return q.Terms.Count == 0 && q.HasFilters && IsFigureQuestion(q) ? AnswerIntent.Sum : AnswerIntent.Fact;
        if (q.Terms.Count == 0 && q.HasFilters && IsFigureQuestion(q)) return AnswerIntent.Sum;
        return AnswerIntent.List;
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

    private static readonly HashSet<string> OrWords = ["や", "か", "たり", "だり", "または", "もしくは", "あるいは", "又は", "或いは"];

    /// <summary>
    /// The content words MeCab finds in what is left of the question, as term groups. Words joined by や, か or
    /// …たり…たり are one group of alternatives (運用したり改修したり: either). Nouns written together (ふるさと納税) are
    /// also searched as a compound; two nouns joined by の (会計のシステム) also as a phrase, the first modifying the second.
    /// </summary>
    private List<TermGroup> JapaneseWords(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms, IReadOnlyList<KanaWord> kanaWords)
    {
        var words = new List<TermGroup>();
        var compound = new List<ContentWord>();
        void EndCompound()
        {
            if (compound.Count > 1) Add(words, new TermGroup(query.Text[compound[0].Start..compound[^1].End], [query.Text[compound[0].Start..compound[^1].End]], TermKind.Compound));
            compound.Clear();
        }
        ContentWord? previous = null;
        var joints = new List<string>();
        foreach (var item in ContentAndJoints(query, glossaryTerms, kanaWords))
        {
            if (item.Content is not { } word)
            {
                joints.Add(item.Joint!);
                EndCompound();
                continue;
            }
            var index = previous is { } p ? words.FindIndex(w => w.Text == p.Group.Text) : -1;
            if (index >= 0 && joints.Any(OrWords.Contains))
            {
                var joined = words[index];
                words[index] = joined with
                {
                    Text = joined.Text + "・" + word.Group.Text,
                    Alternatives = [.. joined.Alternatives.Union(word.Group.Alternatives)],
                };
                previous = word with { Group = words[index] };
                joints.Clear();
                continue;
            }
            var isNew = Add(words, word.Group);
            if (index >= 0 && isNew && previous is { IsNoun: true } a && word.IsNoun && joints is ["の"])
            {
                if (words[index].Kind == TermKind.Word) words[index] = words[index] with { Kind = TermKind.Modifier };
                Add(words, new TermGroup(a.Group.Text + "の" + word.Group.Text, [a.Group.Alternatives[0] + word.Group.Alternatives[0]], TermKind.Link));
            }
            var adjacent = previous is { IsNoun: true } prev && prev.End == word.Start && joints.Count == 0;
            if (!word.IsNoun || !adjacent) EndCompound();
            if (word.IsNoun) compound.Add(word);
            previous = word;
            joints.Clear();
        }
        EndCompound();
        return words;
    }

    /// <summary>At most this many synonyms are searched for a word (the surest first).</summary>
    public const int MaxSynonyms = 8;

    /// <summary>
    /// The group with the plan's words that mean the same as its own (年寄り → 高齢者; library → 図書館), from the synonym
    /// dictionary. Only words the plan writes are kept: the others could match nothing. An English word the glossary
    /// did not know is known once it has one. Verbs and の-phrases are left as they are: their synonyms stray too far.
    /// </summary>
    private TermGroup WithSynonyms(TermGroup group, IndexVocabulary vocabulary)
    {
        if (group.Kind is TermKind.Verb or TermKind.Link) return group;
        var words = group.Alternatives.Prepend(group.Text).Distinct().ToList();
        if (group.Kind == TermKind.UnknownEnglish) words.AddRange(EnglishForms.Singulars(group.Text));
        var synonyms = words
            .SelectMany(_synonyms.Of)
            .Where(s => !group.Alternatives.Contains(s.Word, StringComparer.OrdinalIgnoreCase) && vocabulary.Has(s.Word))
            .GroupBy(s => s.Word).Select(g => g.MaxBy(s => s.Weight))
            .OrderByDescending(s => s.Weight)
            .Take(MaxSynonyms)
            .ToList();
        if (synonyms.Count == 0) return group;
        return group with { Synonyms = synonyms, Kind = group.Kind == TermKind.UnknownEnglish ? TermKind.Word : group.Kind };
    }

    /// <summary>Adds a group unless one with the same spellings is there already.</summary>
    private static bool Add(List<TermGroup> words, TermGroup group)
    {
        if (words.Any(w => w.Text == group.Text || w.Alternatives.SequenceEqual(group.Alternatives))) return false;
        words.Add(group);
        return true;
    }

    private readonly record struct ContentWord(TermGroup Group, int Start, int End, bool IsNoun);

    /// <summary>A content word, or the joint between two (a particle, or "" for a word that is neither).</summary>
    private readonly record struct Item(ContentWord? Content, string? Joint);

    private List<Item> ContentAndJoints(QueryText query, List<PhraseMatch<GlossaryTerm>> glossaryTerms, IReadOnlyList<KanaWord> kanaWords)
    {
        var items = new List<Item>();
        var emitted = new HashSet<int>();
        foreach (var m in query.Morphemes)
        {
            var surface = query.Text[m.Start..m.End];
            var term = glossaryTerms.FindIndex(t => m.Start < t.End && t.Start < m.End);
            if (term >= 0)
            {
                // A glossary term is one content word, however many morphemes it spans.
                var t = glossaryTerms[term];
                if (emitted.Add(term)) items.Add(new Item(new ContentWord(new TermGroup(t.Phrase, t.Value.Search) { Readings = ReadingsWithin(kanaWords, t.Start, t.End) }, t.Start, t.End, IsNoun: true), null));
                continue;
            }
            if (!query.IsFree(m.Start, m.End) || surface.All(c => c < 0x80))
            {
                items.Add(new Item(null, "")); // understood already, or Latin (EnglishWords reads it)
                continue;
            }
            var pos = m.Features.PartOfSpeech;
            var baseForm = m.Features.BaseForm ?? surface;
            var isNoun = pos.StartsWith("名詞", StringComparison.Ordinal) && !pos.Contains("非自立") && !pos.Contains("代名詞") && !pos.Contains("数") && !pos.Contains("接尾") && !pos.Contains("副詞可能");
            var isVerb = pos.StartsWith("動詞-自立", StringComparison.Ordinal) || pos.StartsWith("形容詞-自立", StringComparison.Ordinal);
            var isUnknown = m.IsUnknown && !pos.StartsWith("記号", StringComparison.Ordinal);
            var isContent = (isNoun || isVerb || isUnknown) && !IsStopWord(surface, baseForm) &&
                            !(surface.Length == 1 && !JapaneseCharacters.IsKatakana(surface[0]) && surface[0] < 0x4E00);
            if (!isContent)
            {
                // Particles and conjunctions join words; a stop word (する in 運用したり) is passed over.
                items.Add(new Item(null, pos.StartsWith("助詞", StringComparison.Ordinal) || pos.StartsWith("接続詞", StringComparison.Ordinal) ? surface : IsStopWord(surface, baseForm) ? "する" : ""));
                continue;
            }
            var text = isVerb ? baseForm : surface;
            items.Add(new Item(new ContentWord(new TermGroup(text, [text], isVerb ? TermKind.Verb : TermKind.Word) { Readings = ReadingsWithin(kanaWords, m.Start, m.End) }, m.Start, m.End, isNoun || isUnknown), null));
            query.Consume(m.Start, m.End);
        }
        return items;
    }

    /// <summary>
    /// The readings of the words typed in kana that a span is: a word typed in kana also matches by its reading, so
    /// every spelling of it in the plan is found (こども: 子供, 子ども).
    /// </summary>
    private static IReadOnlyList<string> ReadingsWithin(IReadOnlyList<KanaWord> kanaWords, int start, int end) =>
        kanaWords.Count == 0 ? [] : kanaWords.Where(k => k.Start >= start && k.End <= end).Select(k => k.Reading).ToList();

    /// <summary>Latin words left in the question (English, or names such as ICT and LINE in a Japanese question).</summary>
    private IEnumerable<TermGroup> EnglishWords(QueryText query)
    {
        var seen = new HashSet<string>();
        foreach (var token in query.Remaining().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string(token.Where(c => c < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.')).ToArray()).Trim('-', '.');
            if (word.Length < 2 || word.All(char.IsAsciiDigit) || _glossary.EnglishStopWords.Contains(word) || !seen.Add(word)) continue;
            yield return new TermGroup(word, [word], TermKind.UnknownEnglish);
        }
    }

    private bool IsStopWord(string surface, string baseForm) =>
        _glossary.JapaneseStopWords.Contains(surface) || _glossary.JapaneseStopWords.Contains(baseForm);

    private Names NamesOf(IndexSnapshot snapshot)
    {
        var vocabulary = IndexVocabulary.Of(snapshot);
        if (_names is { } cached && ReferenceEquals(cached.Vocabulary, vocabulary)) return cached;
        var names = new Names(
            vocabulary,
            new PhraseMatcher<string>(vocabulary.Departments.Select(d => (d, d)).Concat(_glossary.Departments.Select(a => (a.Phrase, a.Department)))),
            new PhraseMatcher<string>(vocabulary.Divisions.Where(d => d.Length >= 3).Select(d => (d, d))),
            new PhraseMatcher<int>(vocabulary.SectionTitles.Select(s => (s.Title, s.Section)).Concat(_glossary.Sections.Select(s => (s.Phrase, s.Section)))),
            // Besides the plan's words, katakana words only the glossary knows (ユーチューブ) may be typed in hiragana.
            vocabulary.Readings.With(_glossary.Terms.Select(t => t.Phrase)));
        _names = names;
        return names;
    }
}
