using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// The companion field's analysis: overlapping character bigrams of Japanese text (Latin words stay whole).
/// It finds what morphology splits differently, such as part of a long compound (見守り in 避難者見守り活動).
/// </summary>
public sealed class CjkBigramAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        JapaneseWidthCharFilter.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(JapaneseAnalyzer.Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new JapaneseLowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
