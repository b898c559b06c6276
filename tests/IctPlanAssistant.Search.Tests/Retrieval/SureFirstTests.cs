using IctPlanAssistant.Search.Retrieval;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>A group's sure spellings are marked once: the group's other clauses are what is left to mark on top of them.</summary>
public sealed class SureFirstTests
{
    private static TermQuery Word(string field, string text, float boost = 1f) => new(new Term(field, text)) { Boost = boost };

    [Fact]
    public void The_rest_is_the_group_s_clauses_that_are_not_the_sure_ones()
    {
        var group = new DisjunctionMaxQuery(0f)
        {
            new DisjunctionMaxQuery(0f) { Word("name", "住民", 4f), Word("body", "住民", 1.2f) },
            new DisjunctionMaxQuery(0f) { Word("name", "市民", 4f), Word("body", "市民", 1.2f) },
        };
        var sure = new DisjunctionMaxQuery(0f) { new DisjunctionMaxQuery(0f) { Word("name", "住民", 4f), Word("body", "住民", 1.2f) } };

        var rest = SureFirst.Split(group, sure);

        Assert.NotNull(rest);
        Assert.Equal(new Query[] { Word("name", "市民", 4f), Word("body", "市民", 1.2f) }, rest);
    }

    [Fact]
    public void A_sure_clause_the_group_lacks_means_no_split()
    {
        var group = new DisjunctionMaxQuery(0f) { Word("body", "住民") };
        var sure = new DisjunctionMaxQuery(0f) { Word("body", "県民") };

        Assert.Null(SureFirst.Split(group, sure));
    }
}
