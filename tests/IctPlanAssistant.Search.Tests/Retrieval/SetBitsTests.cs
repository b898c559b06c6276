using IctPlanAssistant.Search.Retrieval;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

public sealed class SetBitsTests
{
    [Fact]
    public void The_set_bits_are_read_in_order_a_word_at_a_time()
    {
        var set = new FixedBitSet(300);
        int[] expected = [0, 1, 63, 64, 65, 127, 128, 200, 299];
        foreach (var doc in expected) set.Set(doc);
        var read = new List<int>();
        foreach (var doc in SetBits.Of(set)) read.Add(doc);
        Assert.Equal(expected, read);
        var none = new List<int>();
        foreach (var doc in SetBits.Of(new FixedBitSet(0))) none.Add(doc);
        Assert.Empty(none);
    }
}
