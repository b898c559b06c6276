using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// Folds character width before MeCab sees the text: full-width Latin letters and digits to ASCII (ＩＣＴ → ICT,
/// which MeCab would otherwise split letter by letter) and half-width katakana to full-width (ﾀﾌﾞﾚｯﾄ → タブレット).
/// A <see cref="MappingCharFilter"/>, so offsets still point into the original text.
/// </summary>
public static class JapaneseWidthCharFilter
{
    private static readonly NormalizeCharMap Map = BuildMap();

    public static TextReader Wrap(TextReader reader) => new MappingCharFilter(Map, reader);

    private static NormalizeCharMap BuildMap()
    {
        var builder = new NormalizeCharMap.Builder();
        for (var c = '\uFF01'; c <= '\uFF5E'; c++) builder.Add(c.ToString(), ((char)(c - 0xFEE0)).ToString());
        builder.Add("\u3000", " ");
        for (var c = '\uFF61'; c <= '\uFF9F'; c++)
        {
            builder.Add(c.ToString(), c.ToString().Normalize(NormalizationForm.FormKC));
            foreach (var mark in "\uFF9E\uFF9F")
            {
                var composed = string.Concat(c, mark).Normalize(NormalizationForm.FormKC);
                if (composed.Length == 1) builder.Add(string.Concat(c, mark), composed);
            }
        }
        return builder.Build();
    }
}
