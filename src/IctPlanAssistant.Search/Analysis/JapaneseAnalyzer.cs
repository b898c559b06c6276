using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// The Kuromoji chain over MeCab: width folding before the tokenizer, then base form, part-of-speech stop,
/// CJK width, stop words, katakana stem and lower case, as Lucene's JapaneseAnalyzer does.
/// </summary>
public sealed class JapaneseAnalyzer : StopwordAnalyzerBase
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Lazy<CharArraySet> DefaultStopWords = new(() => WordListResource.ReadSet("stopwords.txt", Version));
    private static readonly Lazy<ISet<string>> DefaultStopTags = new(() => WordListResource.Read("stoptags.txt").ToHashSet());

    private readonly MeCabModel? _model;
    private readonly ISet<string> _stopTags;

    public JapaneseAnalyzer(MeCabModel? model = null) : this(model, DefaultStopWords.Value, DefaultStopTags.Value)
    {
    }

    public JapaneseAnalyzer(MeCabModel? model, CharArraySet stopWords, ISet<string> stopTags) : base(Version, stopWords)
    {
        _model = model;
        _stopTags = stopTags;
    }

    public static CharArraySet StopWords => DefaultStopWords.Value;

    public static ISet<string> StopTags => DefaultStopTags.Value;

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        JapaneseWidthCharFilter.Wrap(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new MeCabTokenizer(reader, _model);
        TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
        stream = new JapanesePartOfSpeechStopFilter(m_matchVersion, stream, _stopTags);
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(m_matchVersion, stream, m_stopwords);
        stream = new JapaneseKatakanaStemFilter(stream);
        stream = new JapaneseLowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
