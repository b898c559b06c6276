using System.Runtime.CompilerServices;
using IctPlanAssistant.Search.Index;
using IctPlanAssistant.Text;
using Lucene.Net.Index;

namespace IctPlanAssistant.Search.Querying;

/// <summary>
/// The names and words the served index holds: its departments, divisions and section titles (recognised in a
/// question without a glossary entry), and its katakana words (to tell a loanword typed in hiragana, どろーん,
/// from a real hiragana word). Read once per index generation.
/// </summary>
public sealed class IndexVocabulary
{
    private static readonly ConditionalWeakTable<IndexSnapshot, IndexVocabulary> Cache = new();

    private IndexVocabulary(IReadOnlyList<string> departments, IReadOnlyList<string> divisions, IReadOnlyList<(int, string)> sections, IReadOnlySet<string> katakana)
    {
        Departments = departments;
        Divisions = divisions;
        SectionTitles = sections;
        KatakanaWords = katakana;
    }

    public IReadOnlyList<string> Departments { get; }

    public IReadOnlyList<string> Divisions { get; }

    public IReadOnlyList<(int Section, string Title)> SectionTitles { get; }

    public IReadOnlySet<string> KatakanaWords { get; }

    public static IndexVocabulary Of(IndexSnapshot snapshot) => Cache.GetValue(snapshot, Read);

    private static IndexVocabulary Read(IndexSnapshot snapshot)
    {
        var reader = snapshot.Reader;
        var katakana = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { PlanFields.NameText, PlanFields.BodyText })
        {
            foreach (var term in Terms(reader, field))
            {
                if (term.Length >= 2 && term.All(JapaneseCharacters.IsKatakana)) katakana.Add(term);
            }
        }
        var sections = snapshot.Manifest?.Sources.SelectMany(s => s.Sections).Select(s => (s.Number, s.Title)).Distinct().ToList() ?? [];
        return new IndexVocabulary(Terms(reader, PlanFields.Department).ToList(), Terms(reader, PlanFields.Division).ToList(), sections, katakana);
    }

    private static IEnumerable<string> Terms(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) yield break;
        var e = terms.GetEnumerator();
        while (e.MoveNext()) yield return e.Term.Utf8ToString();
    }
}
