using System.Buffers;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>One term group of a question as the gate weighs it.</summary>
/// <param name="Query">Matches the group anywhere in a row.</param>
/// <param name="Weight">The group's rarity in the plan (BM25 idf) times its own weight (a verb counts less than a noun).</param>
/// <param name="IsSoft">Too common to decide anything (in more than a quarter of the rows), or a verb or の-phrase the plan
/// never uses: it ranks rows but neither admits nor excludes them.</param>
/// <param name="Term">The group as the question gave it.</param>
/// <param name="MatchesNothing">No row the filters allow matches it (known only for groups matched, not for common ones).</param>
internal sealed record GatedGroup(Query Query, double Weight, bool IsSoft, TermGroup Term, bool MatchesNothing)
{
    /// <summary>The rows the group matches within the filters (null for a group too common to have been matched).</summary>
    public FixedBitSet? Docs { get; init; }

    /// <summary>Whether the group names a thing (a noun), which a row should have, rather than a verb or a phrase that only ranks.</summary>
    public bool IsThing => !IsSoft && Term.Kind is TermKind.Word or TermKind.Compound or TermKind.Modifier;
}

/// <summary>A term group's query, the group, and each spelling's Japanese terms.</summary>
/// <param name="Sure">The group's own spellings and the synonyms that are another spelling of its word, when the group
/// also has less sure synonyms (null when it has none): a row matched only by those counts less.</param>
internal readonly record struct GroupQuery(Query Query, TermGroup Term, IReadOnlyList<SpellingTerms> Terms, Query? Sure = null)
{
    /// <summary>The items of a list group (<see cref="TermGroup.Members"/>), each searched on its own; empty for one word.</summary>
    public IReadOnlyList<GroupQuery> Members { get; init; } = [];
}

/// <summary>The analysed terms of one spelling of a group: words of the name and body fields, or one reading of the reading fields.</summary>
/// <param name="IsLoose">A less sure synonym's (プログラム for programming, itself also 計画): it widens what the group
/// matches, but how common the group is, and so how much it says, is its own words' affair.</param>
internal readonly record struct SpellingTerms(IReadOnlyList<string> Terms, bool IsReading = false, bool IsLoose = false);

/// <summary>
/// Matches the term groups of a question and keeps the rows that match enough of it. Each group is run once: its
/// matches give its document frequency, hence its weight (BM25's idf; a word the plan never uses weighs most), and
/// their scores. A row's score sums its groups' scores, as a Boolean query would; its coverage is the weight of the
/// decisive groups it matches over the weight of all of them. A question about a helicopter matches many rows on
/// 支援 and 事業, but covers little.
/// </summary>
internal static class CoverageGate
{
    private const double CommonShare = 0.25;


    /// <summary>The groups, weighed, and the rows that pass the filter and the gate.</summary>
    /// <param name="filter">The rows the filters allow; null for every row.</param>
    /// <param name="narrowed">Whether the filters name what the question is about (a department, a section, the rows of
    /// the previous answer…): then words too common to decide only rank. A plan alone only says where to look.</param>
    /// <remarks>
    /// Two passes keep a question over many rows fast: first each group's matches are marked, unscored, to weigh the
    /// groups and find the rows that cover enough of the question; then only those rows are scored.
    /// </remarks>
    /// <param name="ranked">How many of the best rows must be ranked by score: when there are many more candidates, only
    /// a window of the likeliest is scored (see <see cref="RescoreWindow"/>); the others rank below them, counted unscored.</param>
    /// <returns>The groups, the rows that pass, and, when fewer pass than <paramref name="ranked"/>, the best of the rows
    /// that match some of the question's decisive groups but not enough of them (<see cref="NearRows"/>), best first.</returns>
    public static (List<GatedGroup> Groups, MatchList Matches, List<Match> Near) Run(
        IndexSearcher searcher, RowValueTable values, IReadOnlyList<GroupQuery> groups, FixedBitSet? filter, bool narrowed, double minCoverage, int ranked, bool commonWordsOnlyRank, bool listing = false)
    {
        var n = (double)searcher.IndexReader.NumDocs;
        var states = TermStates.Of(searcher);
        groups = groups.Select(g => WithStates(g, states) with { Members = g.Members.Select(m => WithStates(m, states)).ToList() }).ToList();
        var matched = new GroupMatches?[groups.Count];
        // Words first. A group whose every spelling has a word in more than a quarter of the rows is common: the
        // term dictionary says so at once, and the group need not be matched over the whole index to learn it.
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            group.Query.Boost *= group.Term.Weight; // the score weighs a verb or an unknown word less too
            if (IsPhrase(group.Term)) continue;
            // The plan's own topic (ICT) counts as common whatever its rows say: it tells no row from another.
            matched[i] = group.Term.IsTopic || EstimatedDf(states, group.Terms) > n * CommonShare
                ? new GroupMatches(group.Query, group.Term, Common, null)
                : Mark(searcher, WithoutCommonSynonyms(group, states, n), filter);
        }
        // Then phrases (compounds, AのB), weighed by their term dictionary estimate as their words are.
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (!IsPhrase(group.Term)) continue;
            var estimate = EstimatedDf(states, group.Terms);
            matched[i] = estimate > n * CommonShare ? new GroupMatches(group.Query, group.Term, Common, null)
                : Mark(searcher, group, filter) with { Df = estimate };
        }
        var marked = matched.Select(m => m!).ToList();
        // What the asker says of themselves (記事を書くために調べているのですが、…) counts less where the question's own things are
        // in the plan, and only ranks where its filters choose the rows; otherwise it may be what the question is about.
        var contextRanks = narrowed || marked.Any(m => !m.Term.InContext && IsThing(m.Term) && m.InPlan);
        var gated = Absences(marked, Compounds(marked, marked.Select(m => Weigh(m, n, narrowed, contextRanks)).ToList()));
        var items = ListItems(searcher, states, groups, marked, gated, filter, n, narrowed, contextRanks);
        // A question of soft words alone is still a question: its words must match; under a filter too, unless they
        // only rank (then the filter chooses the rows).
        // Verbs alone (聞きたい in ちょっと聞きたいんだけど、一番…) ask for nothing a row must say, unless they are all a question
        // listing projects has to go by (見守っている事業は？, なりすます read from なりすましさぎ): then they must match too.
        var verbsOnly = gated.All(g => g.Term.IgnorableWhenUnknown) && (narrowed || !listing);
        if (gated.All(g => g.IsSoft) && !verbsOnly && !(narrowed && commonWordsOnlyRank))
        {
            for (var i = 0; i < marked.Count; i++)
            {
                if (marked[i].Df == Common) marked[i] = Mark(searcher, groups[i], filter);
                // People described as the plan never names them (入院している人) are still passed over: the verb says it.
                gated[i] = Weigh(marked[i], n, hasFilter: false) with { IsSoft = marked[i].Term.DescribesPeople && !marked[i].InPlan };
            }
        }

        var hard = Enumerable.Range(0, gated.Count).Where(i => !gated[i].IsSoft).ToList();
        var totalWeight = hard.Sum(i => gated[i].Weight);
        // The things the question is about (its nouns, not its verbs or modifiers): which rows are the answer is decided by them.
        var things = hard.Where(i => IsThing(gated[i].Term)).ToList();
        if (things.Count == 0) things = hard;
        // How fully a row says what is asked (its content coverage) counts the question's own things alone where they
        // are in the plan: the context (授業のレポートで調べてるんですけど、) ranks rows and may admit them, never narrows
        // the answer to the rows that also say it.
        var own = things.Where(i => !(contextRanks && gated[i].Term.InContext)).ToList();
        if (own.Count == 0) own = things;
        // Where the context is the smaller part of what the question says, it only ever helps a row: a row that says what
        // is asked is covered as well without it (…将来パソコンで仕事ができたらいいな。障がいのある人にパソコンの使い方を…).
        var context = contextRanks ? hard.Where(i => gated[i].Term.InContext).ToList() : [];
        var contextWeight = context.Sum(i => gated[i].Weight);
        if (contextWeight > totalWeight - contextWeight) context = [];
        var contentWeight = own.Sum(i => gated[i].Weight);
        var rare = RareThings(marked, gated, hard, n);
        // Where things the plan never mentions are half of what the question itself names (drones to spray pesticide: 農薬),
        // no row answers it: the rows that have the rest are near it, not its answer. Unless a row has two of its rare
        // things (牛の種付けのタイミング: 家畜, 授精): then the missing word is more likely an everyday one (タイミング).
        // Only a thing written in kanji or katakana: a word typed in hiragana the plan has no reading for is as likely a
        // slip (くひょう for もくひょう), and an English word no gloss knows as often a verb or an adjective as a thing.
        var absentWeight = own.Where(i => !marked[i].InPlan && IsThing(gated[i].Term) && IsWrittenAsAWord(gated[i].Term.Text)).Sum(i => gated[i].Weight);
        var lacksHalf = absentWeight > 0 && absentWeight >= contentWeight / 2 - 1e-9;
        // By doc id: flat arrays cost a few bytes a row, where a dictionary of a broad question's rows costs far more.
        // Pooled, as a new one a question would be a large-object allocation, and those bring full collections. It
        // is written at every row that matched a decisive group and read only at such rows (the candidates and the near
        // rows), so a used array needs no clearing.
        var coverage = totalWeight > 0 ? ArrayPool<float>.Shared.Rent(values.MaxDoc) : [];
        var content = totalWeight > 0 ? ArrayPool<float>.Shared.Rent(values.MaxDoc) : [];
        FixedBitSet candidates;
        FixedBitSet? any = null;
        if (totalWeight > 0)
        {
            any = RowSets.New(values.MaxDoc);
            foreach (var i in hard) any.Or(marked[i].Docs!);
            // Each group adds its credit to the rows it matches, group by group (in the same order, so the sums are the
            // same to the bit): a walk over each group's rows, where asking every group of every row would cost rows × groups.
            var weights = ArrayPool<double>.Shared.Rent(values.MaxDoc);
            var contentWeights = ArrayPool<double>.Shared.Rent(values.MaxDoc);
            var contextWeights = context.Count > 0 ? ArrayPool<double>.Shared.Rent(values.MaxDoc) : [];
            try
            {
                ClearAt(any, weights);
                ClearAt(any, contentWeights);
                if (context.Count > 0) ClearAt(any, contextWeights);
                // Rows that have one of the question's things as it says it, or as a sure synonym: a row that has them all
                // only as loose synonyms (診療 read through English as 医療) is no answer, however much it covers.
                var firm = RowSets.New(values.MaxDoc);
                foreach (var i in hard)
                {
                    var thing = things.Contains(i);
                    var ownContent = own.Contains(i) ? contentWeights : null;
                    var credit = context.Contains(i) ? contextWeights : weights;
                    if (items[i] is { } listed) AddListCredit(marked[i].Docs!, listed, gated[i].Weight, credit, ownContent, thing ? firm : null);
                    else AddCredit(marked[i], gated[i], credit, ownContent, thing ? firm : null);
                }
                candidates = RowSets.New(values.MaxDoc);
                foreach (var doc in SetBits.Of(any))
                {
                    var share = (float)((context.Count > 0 ? weights[doc] + contextWeights[doc] : weights[doc]) / totalWeight);
                    if (context.Count > 0) share = Math.Max(share, (float)(weights[doc] / (totalWeight - contextWeight)));
                    // Written for every row that matched anything: the rows that fall short may still be the nearest.
                    coverage[doc] = share;
                    content[doc] = contentWeight > 0 ? (float)(contentWeights[doc] / contentWeight) : share;
                    // Two rare things admit a row the rest would not (asked only then: a broad question's candidates are most rows).
                    if (!firm.Get(doc) || (lacksHalf || share + 1e-6 < minCoverage) && !MatchesRareThings(rare, marked, doc, share)) continue;
                    candidates.Set(doc);
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(weights);
                ArrayPool<double>.Shared.Return(contentWeights);
                if (context.Count > 0) ArrayPool<double>.Shared.Return(contextWeights);
            }
        }
        else
        {
            // Only soft words: the filter (or, with none, the whole plan) chooses the rows, the words rank them.
            candidates = filter ?? AllLive(values);
        }

        var scored = RescoreWindow(candidates, totalWeight > 0 ? coverage : null, marked, gated, ranked);
        var passed = (int)Math.Min(candidates.Cardinality, int.MaxValue);
        var near = any is not null && passed < ranked ? NearRows(any, candidates, coverage, content, ranked - passed, values) : [];
        if (near.Count > 0) scored = WithRows(scored, near);
        var scores = ArrayPool<float>.Shared.Rent(values.MaxDoc);
        try
        {
            Array.Clear(scores, 0, values.MaxDoc);
            Score(searcher, marked, scored, scores);
            // Written in place: a broad question's matches are most of the index.
            var result = new MatchList(passed);
            var room = result.Room(passed);
            var written = 0;
            var covered = totalWeight > 0;
            foreach (var doc in SetBits.Of(candidates))
            {
                if (!values.IsLive(doc)) continue;
                var share = covered ? coverage[doc] : 1f;
                room[written++] = new Match(doc, scores[doc] * share * share, share, covered ? content[doc] : 1f);
            }
            result.Added(written);
            var nearScored = near.Select(m => m with { Score = scores[m.Doc] * m.Coverage * m.Coverage }).ToList();
            return (gated, result, MatchOrder.For(RowSort.Relevance, ranked: true, values).Top(nearScored, nearScored.Count));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            if (coverage.Length > 0) ArrayPool<float>.Shared.Return(coverage);
            if (content.Length > 0) ArrayPool<float>.Shared.Return(content);
        }
    }

    private const int Common = int.MaxValue;

    /// <summary>
    /// Zeroes <paramref name="values"/> at least at the rows of <paramref name="rows"/> (they are read only there): row by
    /// row when they are few, the whole span at once when they are many (a broad question's rows are most of a million, and
    /// a clear of the span costs less than a store per row found bit by bit).
    /// </summary>
    private static void ClearAt(FixedBitSet rows, double[] values)
    {
        if (rows.Cardinality > rows.Length / DenseRows) Array.Clear(values, 0, rows.Length);
        else foreach (var doc in SetBits.Of(rows)) values[doc] = 0;
    }

    /// <summary>Rows in more than one in this many of the index's are cleared as a span.</summary>
    private const int DenseRows = 8;

    /// <summary>Whether the text has kanji or katakana: a word the asker wrote as a word, not kana that may be a slip.</summary>
    private static bool IsWrittenAsAWord(string text) =>
        text.Any(c => IctPlanAssistant.Text.JapaneseCharacters.IsKanji(c) || IctPlanAssistant.Text.JapaneseCharacters.IsKatakana(c));

    /// <summary>
    /// The rows that match some of the question's decisive groups without covering enough of it to be its answer, the
    /// <paramref name="count"/> best covered (ties in plan order): what a search lists after its answers, so that a
    /// question worded unlike the plan still finds the row it means among the first, though no answer cites it.
    /// </summary>
    private static List<Match> NearRows(FixedBitSet any, FixedBitSet candidates, float[] coverage, float[] content, int count, RowValueTable values)
    {
        var near = new TopMatches(MatchOrder.For(RowSort.Relevance, ranked: true, values), count);
        foreach (var doc in SetBits.Of(any))
        {
            if (!candidates.Get(doc) && values.IsLive(doc)) near.Offer(new Match(doc, coverage[doc], coverage[doc], content[doc]));
        }
        return near.ToList();
    }

    /// <summary>The rows to score and the near rows: a new set, as the rows to score may be the candidates themselves.</summary>
    private static FixedBitSet WithRows(FixedBitSet rows, List<Match> near)
    {
        var all = RowSets.New(rows.Length);
        all.Or(rows);
        foreach (var match in near) all.Set(match.Doc);
        return all;
    }

    private static FixedBitSet AllLive(RowValueTable values)
    {
        var all = RowSets.New(values.MaxDoc);
        for (var doc = 0; doc < values.MaxDoc; doc++)
        {
            if (values.IsLive(doc)) all.Set(doc);
        }
        return all;
    }

    /// <summary>What a parts' words count for where the plan has the compound they were written in (データ of ビッグデータ).</summary>
    private const double PartOfKnownCompound = 0.2;

    /// <summary>
    /// Where the plan has a compound of the question (ビッグデータ), its parts alone (データ) count little; where it does not
    /// and a part is a word the plan never uses (オンライン診療: 診療), the compound says nothing the part does not, so it
    /// only ranks. Where every part is the plan's but the compound is not (ふるさと納税), the compound counts: the plan
    /// has the words, not the thing.
    /// </summary>
    private static List<GatedGroup> Compounds(List<GroupMatches> marked, List<GatedGroup> gated)
    {
        for (var c = 0; c < marked.Count; c++)
        {
            if (marked[c].Term.Kind != TermKind.Compound) continue;
            var parts = Enumerable.Range(0, marked.Count).Where(i => marked[i].Term.PartOf == marked[c].Term.Text).ToList();
            if (marked[c].InPlan)
            {
                foreach (var i in parts) gated[i] = gated[i] with { Weight = gated[i].Weight * PartOfKnownCompound };
            }
            // A compound on a word in a quarter of the rows (ネット環境) is that word's phrase, not a thing of its own.
            else if (parts.Any(i => !marked[i].InPlan || gated[i].IsSoft))
            {
                gated[c] = gated[c] with { IsSoft = true };
                // Where a part is a word the plan never uses (自動運転バス: バス), the compound is a thing the plan lacks,
                // and its other parts (自動) are pieces of it, not things of their own.
                if (parts.Any(i => !marked[i].InPlan))
                {
                    foreach (var i in parts.Where(i => marked[i].InPlan)) gated[i] = gated[i] with { Weight = gated[i].Weight * PartOfKnownCompound };
                }
            }
        }
        return gated;
    }

    private static GroupQuery WithStates(GroupQuery group, TermStates states) =>
        group with { Query = states.WithStates(group.Query), Sure = group.Sure is null ? null : states.WithStates(group.Sure) };

    /// <summary>
    /// Weighs a list group that is common as a whole by its items: a list with a common item (スマホやネット: ネット is in a
    /// third of the rows) would otherwise decide nothing, though a row with スマホ says much. Such a list counts as its
    /// most telling item, in full at a row with any of its telling items. Returns each such list's telling items (null
    /// for any other group, or one whose items are all too common to decide), having made the group decide by them.
    /// </summary>
    private static List<(GroupMatches Matches, GatedGroup Gated)>?[] ListItems(
        IndexSearcher searcher, TermStates states, IReadOnlyList<GroupQuery> groups, List<GroupMatches> marked, List<GatedGroup> gated,
        FixedBitSet? filter, double n, bool narrowed, bool contextRanks)
    {
        var items = new List<(GroupMatches, GatedGroup)>?[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            // Only a list too common as a whole to decide; AでもBでも (be it A or B) says which rows it includes, not which it wants.
            if (groups[i].Members.Count < 2 || marked[i].Df <= n * CommonShare || groups[i].Term.IsTopic || groups[i].Term.Kind == TermKind.Aside) continue;
            var telling = groups[i].Members
                .Where(m => EstimatedDf(states, m.Terms) <= n * CommonShare)
                .Select(m => Mark(searcher, WithoutCommonSynonyms(m, states, n), filter))
                .Select(m => (Matches: m, Gated: Weigh(m, n, narrowed, contextRanks)))
                .Where(m => !m.Gated.IsSoft && m.Matches.InPlan)
                .ToList();
            if (telling.Count == 0) continue;
            var docs = RowSets.New(searcher.IndexReader.MaxDoc);
            var inName = RowSets.New(searcher.IndexReader.MaxDoc);
            foreach (var (m, _) in telling)
            {
                docs.Or(m.Docs!);
                inName.Or(m.InName!);
            }
            items[i] = telling;
            marked[i] = marked[i] with { Docs = docs, InName = inName };
            gated[i] = gated[i] with { Weight = telling.Max(m => m.Gated.Weight), IsSoft = false, Docs = docs, MatchesNothing = NextSetBit(docs, 0) < 0 };
        }
        return items;
    }

    /// <summary>
    /// Adds to each row a list group counts for there: all of it where the row has one of its telling items (any item
    /// answers a list), less where it has only an item's less sure synonyms.
    /// </summary>
    private static void AddListCredit(FixedBitSet docs, List<(GroupMatches Matches, GatedGroup Gated)> items, double weight, double[] weights, double[]? contentWeights, FixedBitSet? firm)
    {
        var best = ArrayPool<double>.Shared.Rent(docs.Length);
        try
        {
            foreach (var doc in SetBits.Of(docs)) best[doc] = 0;
            foreach (var (matches, item) in items)
            {
                var unsure = UnsureCredit(matches, item with { Weight = weight });
                foreach (var doc in SetBits.Of(matches.Docs!))
                    best[doc] = Math.Max(best[doc], matches.Sure is null || matches.Sure.Get(doc) ? weight : unsure);
            }
            foreach (var doc in SetBits.Of(docs))
            {
                weights[doc] += best[doc];
                if (contentWeights is not null) contentWeights[doc] += best[doc];
                if (firm is not null && best[doc] >= weight * FirmShare) firm.Set(doc);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(best);
        }
    }

    /// <summary>The largest share of the rows a thing may be in and still be rare enough to tell a row by, beside another.</summary>
    private const double RareShare = 0.05;

    /// <summary>The least coverage a row of two rare things needs: enough that they are much of what the question says.</summary>
    private const double RareThingsCoverage = 0.3;

    /// <summary>
    /// The question's own rare things (nouns in at most <see cref="RareShare"/> of the rows, said in the question, not
    /// its context): two of them in one row rarely meet by chance. Parts of a compound are one thing with it, never two
    /// (ふるさと納税: ふるさと and 納税 are both the plan's, the compound is not).
    /// </summary>
    private static List<int> RareThings(List<GroupMatches> marked, List<GatedGroup> gated, List<int> hard, double n) =>
        hard.Where(i => IsThing(gated[i].Term) && !gated[i].Term.InContext && gated[i].Term.PartOf is null &&
                        marked[i].Docs is not null && marked[i].InPlan && marked[i].Df <= n * RareShare).ToList();

    /// <summary>
    /// Whether a row below the coverage the gate asks for is admitted by two of the question's rare things: a long question
    /// names more than any one row has (震災で避難している方々のために…帰還の支援とか見守りとか), and a row that has two of its
    /// rare things is about it, where everyday words the plan never uses (使い方, 方々) lower every row's coverage alike.
    /// </summary>
    private static bool MatchesRareThings(List<int> rare, List<GroupMatches> marked, int doc, float share)
    {
        if (rare.Count < 2 || share + 1e-6 < RareThingsCoverage) return false;
        var found = 0;
        foreach (var i in rare)
        {
            if (marked[i].Docs!.Get(doc) && ++found >= 2) return true;
        }
        return false;
    }

    /// <summary>How much each word the plan never uses beyond the first adds to what they count for together.</summary>
    private const double FurtherAbsence = 0.25;

    /// <summary>
    /// Japanese words the plan never uses count together for little more than one such word: a long question says what it is
    /// about in everyday words (様子, 一緒, 知人) and each would otherwise weigh as the plan's rarest word, so that the words
    /// that did match count for nothing. One absent word still weighs in full: a question about a thing the plan lacks
    /// (オンライン診療, ドクターヘリ) stays unanswered.
    /// </summary>
    private static List<GatedGroup> Absences(List<GroupMatches> marked, List<GatedGroup> gated)
    {
        // Japanese words only: a terse English question's unknown words (smart meter, telemedicine) are what it asks about.
        var absent = Enumerable.Range(0, gated.Count)
            .Where(i => !gated[i].IsSoft && !marked[i].InPlan && gated[i].Term.Text.Any(c => IctPlanAssistant.Text.JapaneseCharacters.IsJapanese(c))).ToList();
        if (absent.Count < 2) return gated;
        var total = absent.Sum(i => gated[i].Weight);
        var allowed = absent.Max(i => gated[i].Weight) * (1 + FurtherAbsence * (absent.Count - 1));
        if (total <= allowed) return gated;
        foreach (var i in absent) gated[i] = gated[i] with { Weight = gated[i].Weight * allowed / total };
        return gated;
    }

    /// <summary>
    /// Adds to each row the group matches what the group counts for there: its weight where the row has one of its own
    /// spellings (or a synonym that is another spelling of its word), the surest of its other synonyms' share of it
    /// where the row has only those.
    /// </summary>
    private static void AddCredit(GroupMatches matches, GatedGroup group, double[] weights, double[]? contentWeights, FixedBitSet? firm)
    {
        var unsure = UnsureCredit(matches, group);
        var docs = matches.Docs!;
        if (matches.Sure is null)
        {
            // Every match sure: the group's whole weight on each row, and every row of it firm (a word-wise union, where
            // a common group set its rows one by one).
            var weight = group.Weight;
            foreach (var doc in SetBits.Of(docs))
            {
                weights[doc] += weight;
                if (contentWeights is not null) contentWeights[doc] += weight;
            }
            firm?.Or(docs);
            return;
        }
        foreach (var doc in SetBits.Of(docs))
        {
            var sure = matches.Sure is null || matches.Sure.Get(doc);
            var credit = sure ? group.Weight : unsure;
            weights[doc] += credit;
            if (contentWeights is not null) contentWeights[doc] += credit;
            if (firm is not null && (sure || unsure >= group.Weight * FirmShare)) firm.Set(doc);
        }
    }

    /// <summary>The least share of a thing a synonym must carry for a row with it to have the thing (a sure synonym: 0.8).</summary>
    private const double FirmShare = 0.79;

    /// <summary>What a group counts for where a row has only its less sure synonyms: the surest of their shares of it.</summary>
    private static double UnsureCredit(GroupMatches matches, GatedGroup group) =>
        matches.Sure is null ? group.Weight
            : group.Weight * matches.Term.Synonyms.Where(s => s.Weight < SynonymDictionary.SameWord).Select(s => (double)s.Weight).DefaultIfEmpty(1).Max();

    private static bool IsPhrase(TermGroup term) => term.Kind is TermKind.Compound or TermKind.Link;

    // An English word the glossary does not know may be a thing or a verb (monitor radiation): it is not needed to match fully.
    private static bool IsThing(TermGroup term) => term.Kind is TermKind.Word or TermKind.Compound or TermKind.Modifier;

    /// <summary>What a word of context counts for beside the question's own things: it may still be what the question is about.</summary>
    private const double ContextShare = 0.5;

    private static GatedGroup Weigh(GroupMatches m, double n, bool hasFilter, bool contextRanks = false)
    {
        // A word the plan never uses weighs as much as its rarest word, no more: what it says is unknown, not more telling.
        // A verbal noun describing a thing (入院してる子ども) that the plan writes is what the plan names (入院児童生徒).
        if (m.Term.DescribesThing && m.InPlan) m = m with { Term = m.Term with { Kind = TermKind.Word } };
        var df = Math.Max(m.Df, 1);
        var idf = m.Df == Common ? 0 : Math.Log(1 + (n - df + 0.5) / (df + 0.5));
        // An English word the glossary does not know may be how the asker names a filter's topic; with a
        // filter it does not exclude rows, without one it is a thing the plan may not have.
        // (A phrase is weighed by its words' estimate, but whether the plan has it at all is what it matched.)
        // A verb ranks and never decides: a question's verb is often another way of saying what a row says (つながらない:
        // 不通話), and a verb the plan rarely uses would weigh as a rare thing would.
        var soft = m.Df > n * CommonShare || m.Term.Kind == TermKind.Verb || (hasFilter && m.Term.InContext) ||
                   (hasFilter && m.Term.Kind == TermKind.UnknownEnglish) ||
                   (!m.InPlan && m.Term.IgnorableWhenUnknown);
        var weight = idf * m.Term.Weight * (contextRanks && m.Term.InContext ? ContextShare : 1);
        return new GatedGroup(m.Query, weight, soft, m.Term, m.Docs is { } docs && NextSetBit(docs, 0) < 0) { Docs = m.Docs };
    }

    /// <summary>The rows a group matches that the filter allows, unscored, and how many rows it matches in all.</summary>
    private static GroupMatches Mark(IndexSearcher searcher, GroupQuery group, FixedBitSet? filter)
    {
        var docs = RowSets.New(searcher.IndexReader.MaxDoc);
        var inName = RowSets.New(searcher.IndexReader.MaxDoc);
        FixedBitSet? sure = null;
        if (group.Sure is not null && SureFirst.Split(group.Query, group.Sure) is { } rest)
        {
            // The sure spellings' clauses are the group's too: marked once, then the group's other clauses on top of them.
            sure = RowSets.New(searcher.IndexReader.MaxDoc);
            MarkInto(searcher, group.Sure, sure, inName);
            docs.Or(sure);
            foreach (var clause in rest.OrderBy(Cost)) MarkInto(searcher, clause, docs, inName);
        }
        else
        {
            MarkInto(searcher, group.Query, docs, inName);
            if (group.Sure is not null)
            {
                sure = RowSets.New(searcher.IndexReader.MaxDoc);
                MarkInto(searcher, group.Sure, sure, RowSets.New(searcher.IndexReader.MaxDoc));
            }
        }
        var count = (int)docs.Cardinality;
        if (filter is not null) docs.And(filter);
        // A group weighs by how many rows its own spellings match: a loose synonym (計画 for programming) would make it
        // common. Where its own spellings match nothing (an English word the plan writes only in Japanese: technology,
        // 技術), what its synonyms match is all there is to tell how much it says.
        var df = sure is null || sure.Cardinality == 0 ? count : (int)sure.Cardinality;
        return new GroupMatches(group.Query, group.Term, df, docs) { InName = inName, Sure = sure, Found = count };
    }

    /// <summary>
    /// Sets the bit of every live row the query matches. A term is read straight from its postings, without
    /// frequencies or scores; a phrase from its positions (<see cref="PhraseMarks"/>); only a sloppy phrase that repeats a word
    /// needs Lucene's scorer.
    /// </summary>
    private static void MarkInto(IndexSearcher searcher, Query query, FixedBitSet docs, FixedBitSet inName)
    {
        switch (query)
        {
            case DisjunctionMaxQuery disjunction:
                // The cheap clauses first (a term's postings; then exact phrases, then sloppy ones): a costlier clause
                // then skips the rows already marked for its field, and a sloppy phrase's positions are read in fewer rows.
                // A clause within another (the rows it matches are that one's) is not walked at all.
                foreach (var disjunct in RedundantClauses.Drop(Clauses(disjunction)).OrderBy(Cost)) MarkInto(searcher, disjunct, docs, inName);
                return;
            case TermQuery or PhraseQuery when ClauseRows.Of(searcher).Rows(searcher, query) is { } kept:
                // A common word's clause: its rows over the whole index, kept for the snapshot (the union is what walking
                // it would add).
                kept.AddTo(docs);
                if (IsNameField(query is TermQuery t ? t.Term.Field : ((PhraseQuery)query).GetTerms()[0].Field)) kept.AddTo(inName);
                return;
            case TermQuery termQuery:
                ClauseRows.MarkTerm(searcher, termQuery.Term, docs, IsNameField(termQuery.Term.Field) ? inName : null);
                return;
            case PhraseQuery phraseQuery when PhraseMarks.Handles(phraseQuery):
                // A row already marked (in the name, for a name clause) needs no second look.
                var inNamePhrase = phraseQuery.GetTerms() is [var head, ..] && IsNameField(head.Field);
                PhraseMarks.Mark(searcher, phraseQuery, docs, inNamePhrase ? inName : null, inNamePhrase ? inName : docs);
                return;
            default:
                var weight = searcher.CreateNormalizedWeight(query);
                var inNameField = query is PhraseQuery phrase && phrase.GetTerms() is [var first, ..] && IsNameField(first.Field);
                // A row already marked (in the name, for a name clause) needs no second look.
                var marked = inNameField ? inName : docs;
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    var scorer = weight.GetScorer(leaf, new UnmarkedBits(leaf.AtomicReader.LiveDocs, marked, leaf.DocBase, leaf.AtomicReader.MaxDoc));
                    if (scorer is null) continue;
                    for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                    {
                        docs.Set(leaf.DocBase + doc);
                        if (inNameField) inName.Set(leaf.DocBase + doc);
                    }
                }
                return;
        }
    }

    internal static IEnumerable<Query> Clauses(DisjunctionMaxQuery disjunction) =>
        disjunction.Disjuncts.SelectMany(d => d is DisjunctionMaxQuery inner ? Clauses(inner) : [d]);

    private static int Cost(Query clause) => clause switch
    {
        TermQuery => 0,
        PhraseQuery { Slop: 0 } => 1,
        PhraseQuery => 2,
        _ => 3,
    };

    /// <summary>
    /// Adds to each row of <paramref name="rows"/> its groups' scores, as a Boolean query's score would sum them. Each
    /// scorer is advanced from row to row (its postings' skip lists jump over the rows between, where stepping through
    /// a common word's postings would read most of the index), and the rows are its accepted documents, so a
    /// phrase's positions are read only in them.
    /// </summary>
    private static void Score(IndexSearcher searcher, IReadOnlyList<GroupMatches> groups, FixedBitSet rows, float[] scores)
    {
        foreach (var group in groups)
        {
            var weight = searcher.CreateNormalizedWeight(ExactPhraseScoring.ForScoring(group.Query));
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var scorer = weight.GetScorer(leaf, LeafBits.Of(rows, leaf));
                if (scorer is null) continue;
                var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
                var at = -1; // where the scorer stands, in the leaf's doc ids
                for (var row = NextSetBit(rows, leaf.DocBase); row >= 0 && row < end; row = NextSetBit(rows, row + 1))
                {
                    var target = row - leaf.DocBase;
                    // Never advance a scorer that already stands on the row: Advance always moves past where it stands.
                    if (at < target) at = scorer.Advance(target);
                    if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                    if (at == target) scores[row] += scorer.GetScore();
                }
            }
        }
    }

    /// <summary>
    /// The rows to score: the candidates of the highest coverages that fill the ranked places, all of them when they are
    /// few; otherwise the best <see cref="WindowFactor"/> times as many as must be ranked, by coverage and then by a
    /// cheap estimate of the score (each matched group's weight, times the
    /// name's boost where the group matches the name), ties in doc order. Scoring reads every clause's postings
    /// and positions for each row scored, which over tens of thousands of rows of equal coverage would cost far more
    /// than the ranking of the few shown gains; the rows left out rank after those scored, by coverage.
    /// </summary>
    private static FixedBitSet RescoreWindow(FixedBitSet candidates, float[]? coverage, List<GroupMatches> marked, List<GatedGroup> gated, int ranked)
    {
        // Rows below the highest coverages that fill the ranked places rank by coverage alone.
        if (coverage is not null) candidates = BestCovered(candidates, coverage, ranked);
        var size = Math.Max(ranked * WindowFactor, MinWindow);
        if (candidates.Cardinality <= size) return candidates;
        // A row's level: its coverage, then its estimate, packed into one key that sorts as the pair does (both are
        // non-negative floats, whose bits sort as their values).
        var keys = ArrayPool<long>.Shared.Rent(candidates.Length);
        try
        {
            var largest = new LargestValues<long>(size);
            var estimate = new ScoreEstimate(marked, gated);
            foreach (var doc in SetBits.Of(candidates))
            {
                var key = ((long)BitConverter.SingleToInt32Bits(coverage?[doc] ?? 1f) << 32) | (uint)BitConverter.SingleToInt32Bits(estimate.Of(doc));
                keys[doc] = key;
                largest.Offer(key);
            }
            // The lowest level taken (the size-th highest key), and how many of its rows (the first in doc order) fill the window.
            var lowest = largest.Kth;
            var above = largest.CountAbove(lowest);
            var fromLowest = size - above;
            var window = RowSets.New(candidates.Length);
            // The pass ends once the window is full: every row above the lowest level and the first of it are found (a
            // broad question's window is mostly its first rows of the top level, near the start of a million).
            foreach (var doc in SetBits.Of(candidates))
            {
                if (keys[doc] > lowest)
                {
                    window.Set(doc);
                    above--;
                }
                else if (keys[doc] == lowest && fromLowest > 0)
                {
                    window.Set(doc);
                    fromLowest--;
                }
                else
                {
                    continue;
                }
                if (above == 0 && fromLowest == 0) break;
            }
            return window;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keys);
        }
    }

    /// <summary>The candidates of the highest coverages, taken a coverage at a time until there are at least <paramref name="count"/>.</summary>
    private static FixedBitSet BestCovered(FixedBitSet candidates, float[] coverage, int count)
    {
        var cardinality = (int)candidates.Cardinality;
        if (count >= cardinality) return candidates;
        // The count-th highest coverage: every row at or above it is taken.
        var lowest = float.MaxValue;
        // The highest coverage and how many rows have it, on the way: when the count-th highest is the highest, that is
        // how many rows are taken, known before the second pass (a broad question's rows mostly share one coverage).
        var highest = float.MinValue;
        var atHighest = 0;
        if (count > 0)
        {
            var largest = new LargestValues<float>(count);
            foreach (var doc in SetBits.Of(candidates))
            {
                var value = coverage[doc];
                largest.Offer(value);
                if (value > highest)
                {
                    highest = value;
                    atHighest = 1;
                }
                else if (value == highest)
                {
                    atHighest++;
                }
            }
            lowest = largest.Kth;
        }
        var toTake = lowest == highest ? atHighest : int.MaxValue;
        if (toTake == cardinality) return candidates;
        // Taken and counted in one pass, which ends at the last row to take when their number is known.
        var best = RowSets.New(candidates.Length);
        var taken = 0;
        foreach (var doc in SetBits.Of(candidates))
        {
            if (coverage[doc] < lowest) continue;
            best.Set(doc);
            if (++taken == toTake) break;
        }
        return taken == cardinality ? candidates : best;
    }

    /// <summary>Rows scored at least, when there are more candidates than that.</summary>
    private const int MinWindow = 100;

    /// <summary>Rows scored per row to rank, when there are more candidates than that.</summary>
    private const int WindowFactor = 5;

    /// <summary>
    /// A row's estimated score: each matched group's weight, times the name's boost where the group matches the name. The
    /// matched groups' bits and credits are taken out of the group records once, as a broad question asks it of most of
    /// the index's rows; the credits are added in the groups' order, so the sum is the same to the bit.
    /// </summary>
    private readonly struct ScoreEstimate
    {
        private readonly long[][] _docs;
        private readonly long[][] _inName;
        private readonly double[] _nameCredit;
        private readonly double[] _bodyCredit;

        public ScoreEstimate(List<GroupMatches> marked, List<GatedGroup> gated)
        {
            var matched = Enumerable.Range(0, marked.Count).Where(i => marked[i].Docs is not null).ToList();
            _docs = matched.Select(i => marked[i].Docs!.GetBits()).ToArray();
            _inName = matched.Select(i => marked[i].InName!.GetBits()).ToArray();
            _nameCredit = matched.Select(i => gated[i].Weight * NameBoost).ToArray();
            _bodyCredit = matched.Select(i => gated[i].Weight * BodyBoost).ToArray();
        }

        public float Of(int doc)
        {
            var word = doc >> 6;
            var bit = 1L << doc;
            var estimate = 0.0;
            for (var i = 0; i < _docs.Length; i++)
            {
                if ((_docs[i][word] & bit) == 0) continue;
                estimate += (_inName[i][word] & bit) != 0 ? _nameCredit[i] : _bodyCredit[i];
            }
            return (float)estimate;
        }
    }

    private static readonly float NameBoost = PlanFields.TextFields.Single(f => f.Field == PlanFields.NameText).Boost;

    private static readonly float BodyBoost = PlanFields.TextFields.Single(f => f.Field == PlanFields.BodyText).Boost;

    private static int NextSetBit(FixedBitSet bits, int from) => from < bits.Length ? bits.NextSetBit(from) : -1;

    /// <summary>A group's matches: how many rows in all (<see cref="Common"/> when only estimated), and those the filter allows.</summary>
    private sealed record GroupMatches(Query Query, TermGroup Term, int Df, FixedBitSet? Docs)
    {
        /// <summary>The rows the group's own spellings match (null: every match is sure).</summary>
        public FixedBitSet? Sure { get; init; }

        /// <summary>How many rows of the whole index the group matched (a phrase's <see cref="Df"/> is its words' estimate).</summary>
        public int Found { get; init; } = -1;

        /// <summary>Whether the plan has the group at all (a common group, not marked, has it).</summary>
        public bool InPlan => Df == Common || (Found >= 0 ? Found : Df) > 0;

        /// <summary>The rows whose name (not only the body) the group matches: what mostly decides a row's score.</summary>
        public FixedBitSet? InName { get; init; }
    }

    private static bool IsNameField(string field) => field is PlanFields.NameText or PlanFields.NameBigram or PlanFields.NameReading;

    /// <summary>
    /// The group searched by its own spellings alone where its less sure synonyms are in more than a quarter of the rows
    /// (online: インターネット): a match of those tells little, and walking them over a large index costs much.
    /// </summary>
    private static GroupQuery WithoutCommonSynonyms(GroupQuery group, TermStates states, double n) =>
        group.Sure is not null && EstimatedDf(states, group.Terms, loose: true) > n * CommonShare
            ? group with { Query = group.Sure, Sure = null }
            : group;

    /// <summary>
    /// How many rows a group could match at most, by the term dictionary: for each spelling, its rarest word's
    /// document frequency (in the name or the body, whichever is larger); for the group, the most of its spellings.
    /// </summary>
    /// <param name="loose">Count the less sure synonyms' spellings too.</param>
    private static int EstimatedDf(TermStates states, IReadOnlyList<SpellingTerms> spellings, bool loose = false)
    {
        var most = 0;
        foreach (var (terms, isReading, isLoose) in spellings)
        {
            if (isLoose && !loose) continue;
            if (terms.Count == 0) return 0; // a spelling only the bigram field can match: count it for real
            var (body, name) = isReading ? (PlanFields.BodyReading, PlanFields.NameReading) : (PlanFields.BodyText, PlanFields.NameText);
            var rarest = terms.Min(t => Math.Max(states.DocFreq(new Term(body, t)), states.DocFreq(new Term(name, t))));
            most = Math.Max(most, rarest);
        }
        return most;
    }



}

/// <summary>Marks the documents a query matches (the filters), without scoring.</summary>
internal sealed class BitSetCollector(int maxDoc) : ICollector
{
    private int _docBase;

    public FixedBitSet Docs { get; } = new(maxDoc);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Docs.Set(_docBase + doc);

    public static FixedBitSet Of(IndexSearcher searcher, Query query)
    {
        var collector = new BitSetCollector(searcher.IndexReader.MaxDoc);
        searcher.Search(query, collector);
        return collector.Docs;
    }
}

/// <summary>A segment's live rows that are not yet marked (by global doc id in <paramref name="marked"/>).</summary>
internal sealed class UnmarkedBits(IBits? live, FixedBitSet marked, int docBase, int length) : IBits
{
    public bool Get(int index) => (live is null || live.Get(index)) && !marked.Get(docBase + index);

    public int Length => length;
}

/// <summary>A segment's view of rows given by global doc id (the rows are live rows only, so they also stand for the live docs).</summary>
internal sealed class LeafBits(FixedBitSet rows, int docBase, int length) : IBits
{
    public static IBits Of(FixedBitSet rows, AtomicReaderContext leaf) =>
        leaf.DocBase == 0 && leaf.AtomicReader.MaxDoc == rows.Length ? rows : new LeafBits(rows, leaf.DocBase, leaf.AtomicReader.MaxDoc);

    public bool Get(int index) => rows.Get(docBase + index);

    public int Length => length;
}
