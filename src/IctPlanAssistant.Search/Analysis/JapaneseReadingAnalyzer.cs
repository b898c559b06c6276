using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// The reading fields' analysis: the <see cref="JapaneseAnalyzer"/> chain up to the stop words, then each word as its
/// katakana reading (<see cref="JapaneseReadingFormFilter"/>), katakana stem and lower case. Readings are of the words
/// as written (使っ → ツカッ), which is what kana typing produces for nouns, the words a question is about.
/// </summary>
public sealed class JapaneseReadingAnalyzer(MeCabModel? model = null) : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        JapaneseWidthCharFilter.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new MeCabTokenizer(reader, model);
        TokenStream stream = new JapanesePartOfSpeechStopFilter(JapaneseAnalyzer.Version, tokenizer, JapaneseAnalyzer.StopTags);
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(JapaneseAnalyzer.Version, stream, JapaneseAnalyzer.StopWords);
        stream = new JapaneseReadingFormFilter(stream);
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = new JapaneseLowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
