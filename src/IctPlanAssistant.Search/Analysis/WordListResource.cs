using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>Reads the word lists embedded in this assembly (one entry a line, '#' comments).</summary>
internal static class WordListResource
{
    public static IReadOnlyList<string> Read(string name)
    {
        using var stream = typeof(WordListResource).Assembly.GetManifestResourceStream($"IctPlanAssistant.Search.Analysis.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#') words.Add(word);
        }
        return words;
    }

    public static CharArraySet ReadSet(string name, LuceneVersion version) =>
        new CharArraySet(version, Read(name), ignoreCase: false).AsReadOnly();
}
