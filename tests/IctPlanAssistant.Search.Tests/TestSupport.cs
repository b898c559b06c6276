using IctPlanAssistant.Ingestion;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Tests;

/// <summary>The bundled plan, as copied beside the test assembly by the build.</summary>
internal static class BundledPlan
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "plans", "fukushima-ict-action-plan-2017.txt");

    private static readonly Lazy<IReadOnlyList<PlanRow>> ParsedRows = new(() => new PlanDocumentParser().ParseFile(Path).Rows);

    private static readonly Lazy<IReadOnlyList<string>> RawCells = new(() =>
        File.ReadAllLines(Path).Where(l => l.Contains('\t')).SelectMany(l => l.Split('\t')).Where(c => c.Length > 0).ToList());

    public static IReadOnlyList<PlanRow> Rows => ParsedRows.Value;

    /// <summary>Every non-empty cell of every table line (header rows included), as printed in the file.</summary>
    public static IReadOnlyList<string> Cells => RawCells.Value;

    /// <summary>Every text field of every parsed row (cleaned cells).</summary>
    public static IEnumerable<string> CleanFields =>
        Rows.SelectMany(r => new[] { r.Name, r.Summary, r.Achievement, r.Results, r.Department, string.Join('\n', r.Divisions) })
            .Where(f => f.Length > 0);
}


/// <summary>A token as an analyzer or tokenizer gave it.</summary>
internal readonly record struct Token(string Term, int Start, int End, int PositionIncrement);

internal static class Tokens
{
    public static List<Token> Of(Analyzer analyzer, string text, string field = "f")
    {
        using var stream = analyzer.GetTokenStream(field, text);
        return Read(stream);
    }

    public static List<string> Terms(Analyzer analyzer, string text) => Of(analyzer, text).Select(t => t.Term).ToList();

    public static List<Token> Read(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<Token>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new Token(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }
        stream.End();
        return tokens;
    }
}

/// <summary>Small plan documents for index tests: the 2017 header and rows of nine cells.</summary>
internal static class SmallPlan
{
    public const string Header =
        "整理番号\t新規\t施策（事業）名称\t取組概要\t事業費（千円）\t目標の達成度\t実績・成果等\t部局等名\t担当課";

    public static string Row(int number, string name, string summary = "概要を記載する。", string department = "企画調整部", string budget = "1,000") =>
        string.Join('\t', number.ToString(System.Globalization.CultureInfo.InvariantCulture), "", name, summary, budget, "計画どおり実施", "実施した。", department, "情報政策課");

    public static string Write(string directory, string fileName, params string[] lines)
    {
        var path = System.IO.Path.Combine(directory, fileName);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>A valid two-row plan whose rows talk about <paramref name="topic"/>.</summary>
    public static string Valid(string directory, string fileName, string topic) =>
        Write(directory, fileName, "1 復興への取組", "", Header, Row(1, topic + "推進事業", topic + "を活用した情報発信を行う。"), Row(2, "広報事業"));

    /// <summary>A plan with a row of eight cells at line 4.</summary>
    public static string Malformed(string directory, string fileName) =>
        Write(directory, fileName, "1 復興への取組", "", Header, string.Join('\t', Row(1, "壊れた行").Split('\t')[..8]));
}
