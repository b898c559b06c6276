using IctPlanAssistant.Search.Retrieval;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

public sealed class RowSetsTests
{
    [Fact]
    public void A_set_made_in_a_scope_is_empty_though_its_storage_was_used_before()
    {
        for (var round = 0; round < 3; round++)
        {
            using (RowSets.Begin())
            {
                var set = RowSets.New(1000);
                Assert.Equal(1000, set.Length);
                Assert.Equal(0, set.Cardinality);
                Assert.Equal(-1, set.NextSetBit(0));
                for (var doc = 0; doc < 1000; doc += 3) set.Set(doc); // dirty it for the next round's set
                Assert.Equal(334, set.Cardinality);
            }
        }
    }

    [Fact]
    public void Outside_a_scope_a_set_is_allocated_and_scopes_nest()
    {
        var outside = RowSets.New(130);
        using (RowSets.Begin())
        {
            using (RowSets.Begin())
            {
                RowSets.New(130).Set(129);
            }
            var inner = RowSets.New(130);
            Assert.Equal(0, inner.Cardinality);
        }
        outside.Set(5);
        Assert.Equal(1, outside.Cardinality);
        Assert.Equal(3, FixedBitSet.Bits2words(130));
    }
}
