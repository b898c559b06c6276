using IctPlanAssistant.Search.Retrieval;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Tests.Retrieval;

/// <summary>A term's text read with the shared decoder is the text Lucene gives, UTF-8 or not.</summary>
public sealed class TermTextTests
{
    [Theory]
    [InlineData("情報発信")]
    [InlineData("ホームページ")]
    [InlineData("wi-fi")]
    [InlineData("")]
    [InlineData("𠮷野家")]
    public void A_text_term_reads_as_Lucene_reads_it(string text)
    {
        var term = new Term("body", text);
        Assert.Equal(term.Text, TermText.Of(term));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_read_as_Lucene_lists_them()
    {
        var term = new Term("body", new BytesRef([0x41, 0xFF, 0xC3]));
        Assert.Equal(term.Text, TermText.Of(term));
        Assert.Equal(new BytesRef([0x41, 0xFF, 0xC3]).ToString(), TermText.Of(term));
    }

    [Fact]
    public void A_term_within_a_larger_buffer_reads_only_its_own_bytes()
    {
        var buffer = "xx情報yy"u8.ToArray();
        var term = new Term("body", new BytesRef(buffer, 2, 6));
        Assert.Equal("情報", TermText.Of(term));
        Assert.Equal(term.Text, TermText.Of(term));
    }
}
