using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// A group with less sure synonyms is marked twice, by all its spellings and by its sure ones alone; the sure ones'
/// clauses are among the group's, so walking them twice over the index (a common word's bigram phrases, say) is waste.
/// Marking is a union, the same whatever the order of its clauses: the sure clauses can be marked first, and then only
/// the group's other clauses.
/// </summary>
internal static class SureFirst
{
    /// <summary>The clauses of <paramref name="group"/> that are not clauses of <paramref name="sure"/> (nor within one of
    /// them: see <see cref="RedundantClauses"/>); null
    /// when a clause of <paramref name="sure"/> is not one of the group's (then the two are marked apart, as before).</summary>
    public static IReadOnlyList<Query>? Split(Query group, Query sure)
    {
        var groupClauses = Leaves(group).ToList();
        var sureClauses = Leaves(sure).ToHashSet();
        if (!sureClauses.IsSubsetOf(groupClauses)) return null;
        return RedundantClauses.Drop(groupClauses.Where(c => !sureClauses.Contains(c)), marked: sureClauses);
    }

    private static IEnumerable<Query> Leaves(Query query) =>
        query is DisjunctionMaxQuery disjunction ? CoverageGate.Clauses(disjunction) : [query];
}
