using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Analysis.MeCab;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;

namespace IctPlanAssistant.Search.Index;

/// <summary>The analyzer of every field of the index, used by the writer and by queries alike.</summary>
public static class PlanAnalyzers
{
    public static Analyzer Create(MeCabModel? model = null)
    {
        var japanese = new JapaneseAnalyzer(model);
        var bigram = new CjkBigramAnalyzer();
        var reading = new JapaneseReadingAnalyzer(model);
        var perField = new Dictionary<string, Analyzer>
        {
            [PlanFields.NameBigram] = bigram,
            [PlanFields.BodyBigram] = bigram,
            [PlanFields.NameReading] = reading,
            [PlanFields.BodyReading] = reading,
            [PlanFields.Id] = new KeywordAnalyzer(),
        };
        return new PerFieldAnalyzerWrapper(japanese, perField);
    }
}
