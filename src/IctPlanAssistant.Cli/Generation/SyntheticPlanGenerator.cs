using System.Globalization;
using System.Text;
using IctPlanAssistant.Ingestion;

namespace IctPlanAssistant.Cli.Generation;

/// <summary>
/// Writes synthetic plan documents in the published document's format, for scale tests only: sections with
/// headings at varying Markdown levels, header rows repeated as on PDF pages, 9-cell rows whose text is
/// recombined from the real plan's sentences, with the real document's quirks (PDF wrap spaces, ○ and 〇,
/// dashes for unknown budgets, HTML lists in cells, several divisions in a cell). Deterministic for a seed.
/// </summary>
public sealed class SyntheticPlanGenerator
{
    private static readonly string[] Headers =
    [
        "整理番号", "新規", "施策（事業）名称", "取組概要", "平成{0}年度 事業費（千円） ※当初予算", "目標の達成度", "H{0}年度の取組 実績・成果等", "部局等名", "担当課",
    ];

    private static readonly string[] NamePrefixes = ["", "", "", "チャレンジふくしま", "地域", "次世代", "県立", "ふくしま", "広域", "スマート", "新"];

    private readonly IReadOnlyList<PlanRow> _source;
    private readonly string[] _summarySentences;
    private readonly string[] _resultSentences;
    private readonly string[] _nameCores;
    private readonly (string Department, string[] Divisions)[] _departments;
    private readonly (int Number, string Title)[] _sections;

    public SyntheticPlanGenerator(IReadOnlyList<PlanRow> source)
    {
        _source = source;
        _summarySentences = source.SelectMany(r => Sentences(r.Summary)).Distinct().ToArray();
        _resultSentences = source.SelectMany(r => Sentences(r.Results)).Distinct().ToArray();
        _nameCores = source.Select(r => r.Name.Replace("事業", "").Trim()).Where(n => n.Length > 1).Distinct().ToArray();
        _departments = source.GroupBy(r => r.Department).Select(g => (g.Key, g.SelectMany(r => r.Divisions).Distinct().ToArray())).ToArray();
        _sections = source.Select(r => (r.Section, r.SectionTitle)).Distinct().OrderBy(s => s.Section).ToArray();
    }

    /// <summary>The generator over the bundled plan.</summary>
    public static SyntheticPlanGenerator FromBundledPlan()
    {
        var parser = new PlanDocumentParser();
        var rows = Directory.EnumerateFiles(Search.Ingestion.PlanSource.BundledDirectory)
            .SelectMany(f => parser.ParseFile(f).Rows).ToList();
        return new SyntheticPlanGenerator(rows);
    }

    /// <summary>Writes documents of up to <paramref name="rowsPerDocument"/> rows until <paramref name="rows"/> rows are written.</summary>
    /// <returns>The paths written, in order.</returns>
    public IReadOnlyList<string> Write(string directory, long rows, int seed, int rowsPerDocument = 1000, IProgress<long>? progress = null)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        var documents = (int)((rows + rowsPerDocument - 1) / rowsPerDocument);
        long written = 0;
        for (var d = 0; d < documents; d++)
        {
            var count = (int)Math.Min(rowsPerDocument, rows - written);
            var path = Path.Combine(directory, $"synthetic-{d + 1:D5}.txt");
            File.WriteAllText(path, Document(d, count, new Random(HashCode.Combine(seed, d))), new UTF8Encoding(false));
            paths.Add(path);
            written += count;
            progress?.Report(written);
        }
        return paths;
    }

    /// <summary>One document of <paramref name="rows"/> rows.</summary>
    public string Document(int index, int rows, Random random)
    {
        var year = 29 + index % 3;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"\n\nふくしま創生ICT戦略アクションプラン（合成データ {index + 1}）に係る事業実施結果\n\n【活動概要】\n\n");
        sb.Append(Pick(random, _summarySentences)).Append("\n\n");
        // Rows spread over the sections in proportion to the real plan, each section at least one row.
        var perSection = Split(rows, _sections.Length, random);
        for (var s = 0; s < _sections.Length; s++)
        {
            var (number, title) = _sections[s];
            var level = random.Next(5); // 0: a plain line, as the PDF conversion often leaves it
            sb.Append(level == 0 ? "" : new string('#', level + 1) + " ").Append(number).Append(' ').Append(title).Append("\n\n");
            var pageRows = 0;
            for (var n = 1; n <= perSection[s]; n++)
            {
                if (pageRows == 0) sb.Append(HeaderRow(year)).Append('\n');
                sb.Append(Row(n, year, random)).Append('\n');
                if (++pageRows >= 6 + random.Next(5))
                {
                    pageRows = 0;
                    sb.Append('\n');
                }
            }
            sb.Append('\n');
        }
        var text = sb.ToString().TrimEnd('\n');
        return random.Next(4) == 0 ? text : text + "\n"; // a last line without a newline, now and then
    }

    private static string HeaderRow(int year) => string.Join('\t', Headers.Select(h => string.Format(CultureInfo.InvariantCulture, h, year)));

    private string Row(int number, int year, Random random)
    {
        var (department, divisions) = _departments[random.Next(_departments.Length)];
        var newFlag = random.Next(100) switch { < 9 => "○", < 11 => "〇", _ => "" };
        var name = Wrap(Pick(random, NamePrefixes) + Pick(random, _nameCores) + "事業", random);
        var summary = Wrap(string.Concat(Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Pick(random, _summarySentences))), random);
        var budget = random.Next(100) < 8 ? "—" : ((long)Math.Exp(4 + random.NextDouble() * 11)).ToString("N0", CultureInfo.InvariantCulture);
        var achievement = random.Next(100) switch
        {
            < 65 => "計画どおり実施",
            < 72 => "計画どおり 実施",
            < 82 => "目標達成",
            < 86 => "概ね計画どおり実施",
            < 89 => "未実施",
            _ => Target(random),
        };
        var results = Results(random);
        var divisionCell = string.Join(' ', divisions.OrderBy(_ => random.Next()).Take(1 + (random.Next(6) == 0 ? 1 : 0)));
        return string.Join('\t', number.ToString(CultureInfo.InvariantCulture), newFlag, name, summary, budget, achievement, results, department, divisionCell);
    }

    private string Results(Random random)
    {
        var sentences = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(random, _resultSentences)).ToList();
        if (random.Next(100) < 15)
            return "<ul style=\"list-style-type: none\"> " + string.Concat(sentences.Select(s => $"<li>{s}</li> ")) + "</ul>";
        return Wrap(string.Concat(sentences), random);
    }

    private static string Target(Random random)
    {
        var target = 5 + random.Next(200);
        var actual = random.Next(target + 40);
        return $"目標{target}件に対し{actual}件実施";
    }

    /// <summary>Puts a PDF line-wrap space into Japanese text now and then, as the converted PDF does.</summary>
    private static string Wrap(string text, Random random)
    {
        if (text.Length < 8 || random.Next(5) != 0) return text;
        var at = 2 + random.Next(text.Length - 4);
        return char.IsSurrogate(text[at]) ? text : text[..at] + " " + text[at..];
    }

    private int[] Split(int rows, int parts, Random random)
    {
        var weights = _sections.Select(s => _source.Count(r => r.Section == s.Number) + random.Next(5)).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => Math.Max(1, rows * w / total)).ToArray();
        while (counts.Sum() > rows && counts.Max() > 1) counts[Array.IndexOf(counts, counts.Max())]--;
        counts[random.Next(parts)] += rows - counts.Sum();
        return counts.Select(c => Math.Max(0, c)).ToArray();
    }

    private static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(['。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 4)
            .Select(s => s + "。");
}
