using System.Text;
using IctPlanAssistant.Search.Querying;

namespace IctPlanAssistant.Answers.BuiltIn;

/// <summary>
/// The plan's official words and what they mean in plain Japanese (data/glossary/plain-terms.tsv: 達成度 → 目標がどこまでできたか),
/// to explain each the first time an answer in やさしい日本語 uses it: 事業費（この事業に使うお金）. Only the answer's own words
/// are explained: what it quotes from the plan (「…」, lines starting with &gt;) and project names (**…**) stay as printed.
/// </summary>
public sealed class PlainTerms
{
    public const string File = "plain-terms.tsv";

    private readonly IReadOnlyList<(string Term, string Meaning)> _terms;

    public PlainTerms(IEnumerable<(string Term, string Meaning)> terms) =>
        // The longest first: 部局等名 is explained as one word, not as 部局 and 等名.
        _terms = terms.OrderByDescending(t => t.Term.Length).ToList();

    public IReadOnlyList<(string Term, string Meaning)> Terms => _terms;

    /// <summary>Loads plain-terms.tsv from a glossary directory (the installed one when null).</summary>
    /// <exception cref="GlossaryException">The file is missing or a line has no explanation.</exception>
    public static PlainTerms Load(string? directory = null) =>
        new(Glossary.Read(directory ?? Glossary.DefaultDirectory, File, 2).Select(l => (l.Cells[0].Trim(), l.Cells[1].Trim())));

    /// <summary>The text with each term explained once, in brackets after its first use in the answer's own words.</summary>
    public string Explain(string text)
    {
        var own = OwnWords(text);
        var taken = new bool[text.Length];
        var inserts = new List<(int At, string Meaning)>();
        foreach (var (term, meaning) in _terms)
        {
            for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                var end = at + term.Length;
                if (!Enumerable.Range(at, term.Length).All(i => own[i] && !taken[i])) continue;
                Array.Fill(taken, true, at, term.Length);
                // Already explained in brackets (事業費（記載なし）is not, but a meaning written there is not said twice).
                if (!text.AsSpan(end).StartsWith("（" + meaning, StringComparison.Ordinal)) inserts.Add((end, meaning));
                break;
            }
        }
        var sb = new StringBuilder(text);
        foreach (var (at, meaning) in inserts.OrderByDescending(i => i.At)) sb.Insert(at, $"（{meaning}）");
        return sb.ToString();
    }

    /// <summary>Which characters are the answer's own words: not in a quoted line (&gt;), a quotation (「…」), a name (**…**) or a citation ([…]).</summary>
    private static bool[] OwnWords(string text)
    {
        var own = new bool[text.Length];
        var lineStart = true;
        var quoteLine = false;
        int quotes = 0, brackets = 0;
        var bold = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart) quoteLine = text.AsSpan(i).TrimStart(' ').StartsWith(">", StringComparison.Ordinal);
            lineStart = c == '\n';
            if (c == '\n') { quotes = 0; brackets = 0; bold = false; }
            else if (c == '「') quotes++;
            else if (c == '」' && quotes > 0) quotes--;
            else if (c == '[') brackets++;
            else if (c == ']' && brackets > 0) brackets--;
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*') { bold = !bold; own[i] = false; i++; continue; }
            own[i] = !quoteLine && quotes == 0 && brackets == 0 && !bold && c is not ('「' or '」');
        }
        return own;
    }
}
