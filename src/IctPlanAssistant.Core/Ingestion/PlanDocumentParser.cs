using System.Globalization;
using System.Text;
using IctPlanAssistant.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace IctPlanAssistant.Ingestion;

/// <summary>
/// Reads a plan document (Markdown or plain text converted from the published PDF) into rows.
/// Markdig gives the block structure (headings of any level, paragraphs, pipe tables); a table row is
/// a line of tab-separated cells or a pipe-table row, read through the layout of the last header row.
/// </summary>
public sealed class PlanDocumentParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Parses a file; the file name becomes each row's <see cref="PlanRow.Source"/>.</summary>
    public PlanDocument ParseFile(string path)
    {
        var text = PlanDocumentReader.ReadText(path, out var encodingNote);
        var document = Parse(text, path);
        return encodingNote is null
            ? document
            : document with { Warnings = [new PlanDiagnostic(path, 1, encodingNote), .. document.Warnings] };
    }

    /// <summary>Parses document text. <paramref name="sourcePath"/> names the document in diagnostics.</summary>
    /// <exception cref="PlanFormatException">The document has rows that cannot be read; every error is listed.</exception>
    public PlanDocument Parse(string text, string sourcePath)
    {
        var lines = new SourceLines(text);
        var run = new ParseRun(sourcePath, Path.GetFileName(sourcePath));
        foreach (var item in Blocks(Markdown.Parse(text, Pipeline), lines).OrderBy(i => i.Line))
        {
            run.Read(item, lines[item.Line]);
        }
        return run.Finish();
    }

    private static IEnumerable<LineItem> Blocks(ContainerBlock container, SourceLines lines)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                        yield return new LineItem(row.Line, LineKind.PipeRow);
                    break;
                case ContainerBlock child:
                    foreach (var item in Blocks(child, lines)) yield return item;
                    break;
                case HeadingBlock heading:
                    // The heading's text line: a setext heading's Line is its underline.
                    yield return new LineItem(lines.LineOf(heading.Span.Start), LineKind.Heading);
                    break;
                case LeafBlock leaf:
                    var first = lines.LineOf(leaf.Span.Start);
                    var last = lines.LineOf(Math.Max(leaf.Span.Start, leaf.Span.End));
                    // A paragraph that holds table rows is not prose: a line in it without cells stands alone
                    // (a section heading written right above or below the rows, with no blank line between).
                    var hasRows = Enumerable.Range(first, last - first + 1).Any(l => lines[l].Contains('\t'));
                    for (var line = first; line <= last; line++)
                        yield return new LineItem(line, first == last || hasRows ? LineKind.SingleLine : LineKind.Body);
                    break;
            }
        }
    }

    private enum LineKind { Heading, SingleLine, Body, PipeRow }

    private readonly record struct LineItem(int Line, LineKind Kind);

    /// <summary>The document's lines, and the line of a character offset (0-based).</summary>
    private sealed class SourceLines
    {
        private readonly List<int> _starts = [0];
        private readonly string _text;

        public SourceLines(string text)
        {
            _text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    _starts.Add(i + 1);
            }
        }

        public string this[int line]
        {
            get
            {
                if (line < 0 || line >= _starts.Count) return "";
                var end = line + 1 < _starts.Count ? _starts[line + 1] : _text.Length;
                return _text[_starts[line]..end].TrimEnd('\n', '\r');
            }
        }

        public int LineOf(int offset)
        {
            var i = _starts.BinarySearch(Math.Clamp(offset, 0, Math.Max(0, _text.Length - 1)));
            return i >= 0 ? i : ~i - 1;
        }
    }

    /// <summary>The state of one parse: current section, table layout, rows, errors and warnings.</summary>
    private sealed class ParseRun(string sourcePath, string sourceName)
    {
        private readonly List<PlanSection> _sections = [];
        private readonly List<PlanRow> _rows = [];
        private readonly Dictionary<(int, int), int> _seen = [];
        private readonly List<PlanDiagnostic> _errors = [];
        private long _errorCount;
        private readonly List<PlanDiagnostic> _warnings = [];
        private PlanSection? _section;
        private string? _pendingTitle;
        private ColumnLayout _layout = ColumnLayout.Default;
        private int _layoutLine;

        public void Read(LineItem item, string raw)
        {
            var lineNo = item.Line + 1;
            if (item.Kind == LineKind.PipeRow)
            {
                ReadCells(PipeCells(raw), lineNo);
            }
            else if (raw.Contains('\t'))
            {
                ReadCells(raw.Split('\t'), lineNo);
            }
            else if (item.Kind is LineKind.Heading or LineKind.SingleLine && !string.IsNullOrWhiteSpace(raw))
            {
                ReadHeading(raw, lineNo, item.Kind == LineKind.Heading);
            }
        }

        private void ReadHeading(string raw, int lineNo, bool isMarkdownHeading)
        {
            if (SectionHeading.TryParse(raw, out var number, out var title))
            {
                var current = _section?.Number ?? 0;
                if (number == current) return; // the heading repeated on a new page
                if (number == current + 1 || isMarkdownHeading && number > current)
                {
                    StartSection(number, title, lineNo);
                }
                return;
            }
            if (isMarkdownHeading)
            {
                // An unnumbered heading names the next section only if rows follow it.
                _pendingTitle = CellText.RemoveWrapSpaces(SectionHeading.StripMarkdown(raw));
            }
        }

        private void StartSection(int number, string title, int lineNo)
        {
            if (_section is not null && !_rows.Any(r => r.Section == _section.Number))
                _warnings.Add(new(sourcePath, _section.Line, $"section {_section.Number} '{_section.Title}' has no rows"));
            _section = new PlanSection(number, title, lineNo);
            _sections.Add(_section);
            _pendingTitle = null;
        }

        private void ReadCells(IReadOnlyList<string> cells, int lineNo)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) return;
            if (ColumnLayout.IsHeader(cells))
            {
                var layout = ColumnLayout.FromHeader(cells, out var problem);
                if (layout is null) AddError(new(sourcePath, lineNo, problem!));
                else (_layout, _layoutLine) = (layout, lineNo);
                return;
            }
            if (_pendingTitle is not null)
            {
                StartSection((_section?.Number ?? 0) + 1, _pendingTitle, lineNo);
            }
            if (_section is null)
            {
                AddError(new(sourcePath, lineNo, "table row before any section heading (such as '1 復興への取組')"));
                return;
            }
            cells = TrimTrailingEmpty(cells, _layout.CellCount);
            if (cells.Count != _layout.CellCount)
            {
                var basis = _layoutLine > 0 ? $"the header row at line {_layoutLine} has {_layout.CellCount}" : $"expected {_layout.CellCount}";
                AddError(new(sourcePath, lineNo, $"row has {cells.Count} cells; {basis}"));
                return;
            }
            AddRow(cells, lineNo);
        }

        private void AddRow(IReadOnlyList<string> cells, int lineNo)
        {
            var numberText = _layout.Cell(cells, PlanColumn.Number).ToNfkc().Trim();
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                AddError(new(sourcePath, lineNo, $"整理番号 '{numberText}' is not a positive whole number"));
                return;
            }
            var section = _section!;
            if (_seen.TryGetValue((section.Number, number), out var firstLine))
            {
                AddError(new(sourcePath, lineNo, $"duplicate row id {section.Number}-{number} (first at line {firstLine})"));
                return;
            }
            _seen[(section.Number, number)] = lineNo;

            var budgetText = CellText.Clean(_layout.Cell(cells, PlanColumn.Budget));
            var budget = BudgetCell.Parse(budgetText, _layout.BudgetUnitInThousandYen, out var budgetProblem);
            if (budgetProblem is not null)
                _warnings.Add(new(sourcePath, lineNo, $"{section.Number}-{number}: {budgetProblem}"));
            var name = CellText.Clean(_layout.Cell(cells, PlanColumn.Name));
            if (name.Length == 0)
                _warnings.Add(new(sourcePath, lineNo, $"{section.Number}-{number}: the name cell is empty"));

            _rows.Add(new PlanRow(
                Plan: null,
                Section: section.Number,
                SectionTitle: section.Title,
                Number: number,
                IsNew: IsNewFlag(_layout.Cell(cells, PlanColumn.New)),
                Name: name,
                Summary: CellText.Clean(_layout.Cell(cells, PlanColumn.Summary)),
                BudgetThousandYen: budget,
                BudgetText: budgetText,
                Achievement: CellText.Clean(_layout.Cell(cells, PlanColumn.Achievement)),
                Results: CellText.Clean(_layout.Cell(cells, PlanColumn.Results)),
                Department: string.Join(' ', OrganisationNames.Split(_layout.Cell(cells, PlanColumn.Department)).Select(CellText.Clean)),
                Divisions: OrganisationNames.Split(_layout.Cell(cells, PlanColumn.Divisions)).Select(CellText.Clean).ToArray(),
                Source: sourceName,
                Line: lineNo));
        }

        /// <summary>Keeps the first errors (and the one after, for the line of the count) and counts the rest: a document of bad lines may have millions.</summary>
        private void AddError(PlanDiagnostic error)
        {
            if (_errorCount++ <= PlanDiagnostics.MaxListed) _errors.Add(error);
        }

        public PlanDocument Finish()
        {
            if (_errorCount == 0 && _rows.Count == 0)
                AddError(new(sourcePath, 1, $"no plan rows found: expected a numbered section heading, then rows of {ColumnLayout.Default.CellCount} tab-separated cells"));
            if (_errorCount > 0) throw new PlanFormatException(PlanDiagnostics.Bounded(_errors, _errorCount), _errorCount);
            if (_section is not null && !_rows.Any(r => r.Section == _section.Number))
                _warnings.Add(new(sourcePath, _section.Line, $"section {_section.Number} '{_section.Title}' has no rows"));
            return new PlanDocument(sourceName, _sections, _rows, _warnings);
        }

        /// <summary>新規 is marked with ○ (U+25CB), 〇 (U+3007) or a similar circle; anything else means not new.</summary>
        private static bool IsNewFlag(string cell) =>
            cell.Trim() is "○" or "〇" or "◯" or "●" or "◎" or "O" or "o" or "新規" or "新";

        private static IReadOnlyList<string> TrimTrailingEmpty(IReadOnlyList<string> cells, int expected)
        {
            var count = cells.Count;
            while (count > expected && string.IsNullOrWhiteSpace(cells[count - 1])) count--;
            return count == cells.Count ? cells : cells.Take(count).ToArray();
        }

        private static string[] PipeCells(string raw)
        {
            var cells = new List<string>();
            var sb = new StringBuilder();
            var text = raw.Trim();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '|') { sb.Append('|'); i++; continue; }
                if (text[i] == '|') { cells.Add(sb.ToString()); sb.Clear(); continue; }
                sb.Append(text[i]);
            }
            cells.Add(sb.ToString());
            if (text.StartsWith('|')) cells.RemoveAt(0);
            if (text.EndsWith('|') && cells.Count > 0) cells.RemoveAt(cells.Count - 1);
            return cells.Select(c => c.Trim()).ToArray();
        }
    }
}
