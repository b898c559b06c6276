using System.Text;
using IctPlanAssistant.Ingestion;
using IctPlanAssistant.Search.Analysis;
using IctPlanAssistant.Search.Ingestion;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;

namespace IctPlanAssistant.Search.Tests.Analysis;

/// <summary>
/// The width char filter must behave exactly as a Lucene MappingCharFilter over the same mapping (which it replaced
/// for speed): the same output text and the same corrected offset for every output position.
/// </summary>
public class JapaneseWidthCharFilterTests
{
    private static readonly NormalizeCharMap ReferenceMap = BuildReferenceMap();

    [Theory]
    [InlineData("ＩＣＴ", "ICT")]
    [InlineData("ﾀﾌﾞﾚｯﾄ", "タブレット")]
    [InlineData("ﾊﾟｿｺﾝ　１２３", "パソコン 123")]
    [InlineData("ｳﾞｧ", "ヴァ")]
    [InlineData("ｱﾞ", "ア\u3099")]
    public void Folds_width(string input, string expected)
    {
        Assert.Equal(expected, Filter(input, new JapaneseWidthCharFilter(new StringReader(input))).Text);
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string input = "ﾀﾌﾞﾚｯﾄ端末";
        var (text, offsets) = Filter(input, new JapaneseWidthCharFilter(new StringReader(input)));
        Assert.Equal("タブレット端末", text);
        Assert.Equal([0, 1, 3, 4, 5, 6, 7, 8], offsets);
    }

    [Fact]
    public void Every_mapped_character_and_pair_matches_the_mapping_char_filter()
    {
        var inputs = new List<string>();
        for (var c = '\u2FF0'; c <= '\uFFA5'; c++)
        {
            if (char.IsSurrogate(c)) continue;
            inputs.Add($"a{c}b");
            inputs.Add(c.ToString());
            foreach (var mark in "\uFF9E\uFF9F\u3099") inputs.Add($"x{c}{mark}y{c}{mark}");
        }
        foreach (var input in inputs) AssertSameAsReference(input);
    }

    [Fact]
    public void Random_text_read_in_odd_sizes_matches_the_mapping_char_filter()
    {
        const string alphabet = "ｱｲｶｷﾀﾊﾋﾌﾍﾎｳﾜｦﾝｯｰﾞﾟ｡｢｣･ＡＢｚ０９！～　 aZ1-漢字見守りかなカナ\n。、\uD842\uDFB7";
        var random = new Random(20170401);
        for (var n = 0; n < 400; n++)
        {
            var length = random.Next(0, 700);
            var builder = new StringBuilder(length);
            while (builder.Length < length)
            {
                var c = alphabet[random.Next(alphabet.Length)];
                builder.Append(c);
                if (char.IsHighSurrogate(c)) builder.Append('\uDFB7');
            }
            AssertSameAsReference(builder.ToString(), chunk: 1 + n % 7);
        }
    }

    [Fact]
    public void The_bundled_plan_matches_the_mapping_char_filter()
    {
        var document = new PlanDocumentParser().ParseFile(Path.Combine(PlanSource.BundledDirectory, "fukushima-ict-action-plan-2017.txt"));
        foreach (var row in document.Rows)
        {
            foreach (var cell in new[] { row.Name, row.Summary, row.Achievement, row.Results, row.Department, string.Join('\n', row.Divisions) })
                AssertSameAsReference(cell);
        }
    }

    private static void AssertSameAsReference(string input, int chunk = int.MaxValue)
    {
        var expected = Filter(input, new MappingCharFilter(ReferenceMap, new TrickleReader(input, chunk)), chunk);
        var actual = Filter(input, new JapaneseWidthCharFilter(new TrickleReader(input, chunk)), chunk);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Offsets, actual.Offsets);
    }

    /// <summary>The filtered text and the corrected offset of every output position, the end included.</summary>
    private static (string Text, int[] Offsets) Filter(string input, CharFilter filter, int chunk = 1024)
    {
        var text = new StringBuilder();
        var buffer = new char[Math.Min(chunk, 1024)];
        int read;
        while ((read = filter.Read(buffer, 0, buffer.Length)) > 0) text.Append(buffer, 0, read);
        Assert.True(read is -1 or 0, $"{read} at the end of '{input}'");
        var offsets = Enumerable.Range(0, text.Length + 1).Select(filter.CorrectOffset).ToArray();
        return (text.ToString(), offsets);
    }

    private static NormalizeCharMap BuildReferenceMap()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (input, output) in JapaneseWidthCharFilter.BuildMap()) builder.Add(input, output);
        return builder.Build();
    }

    /// <summary>A reader that hands out at most <c>chunk</c> characters a call, so pairs fall across reads.</summary>
    private sealed class TrickleReader(string text, int chunk) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Peek() => _position < text.Length ? text[_position] : -1;
    }
}
