using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>The terms an analyzer makes of a text for a field, with their positions: how a query sees its words.</summary>
public static class AnalyzedTerms
{
    public static IReadOnlyList<(string Term, int Position)> Of(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add((term.ToString(), position));
        }
        stream.End();
        return tokens;
    }
}
