using System.Text;
using Lucene.Net.Analysis.CharFilters;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// Folds character width before MeCab sees the text: full-width Latin letters and digits to ASCII (ＩＣＴ → ICT,
/// which MeCab would otherwise split letter by letter), the ideographic space to a space, and half-width katakana
/// to full-width (ﾀﾌﾞﾚｯﾄ → タブレット, a sound mark joined to the kana before it where one character exists).
/// Offsets still point into the original text.
/// </summary>
/// <remarks>
/// The same mapping as a <see cref="MappingCharFilter"/> over the pairs listed in <see cref="BuildMap"/> (longest match
/// first, the same offset corrections), done with two lookup tables: a MappingCharFilter allocates an 8K-char buffer
/// and walks an FST for every character, which cost more than MeCab's own parse of a short cell.
/// </remarks>
public sealed class JapaneseWidthCharFilter : BaseCharFilter
{
    private const char FullWidthFirst = '\uFF01';
    private const char HalfWidthKanaFirst = '\uFF61';
    private const char Last = '\uFF9F';
    private const char VoicedMark = '\uFF9E';
    private const char SemiVoicedMark = '\uFF9F';

    // Single characters: index c - FullWidthFirst, '\0' where c is not mapped.
    private static readonly char[] Singles = BuildSingles();
    // Kana + sound mark: index 2 * (kana - HalfWidthKanaFirst) + (mark - VoicedMark), '\0' where no one character exists.
    private static readonly char[] Pairs = BuildPairs();

    private readonly char[] _input = new char[256];
    private int _position;
    private int _available;
    private bool _inputDone;
    private int _consumed;
    private int _produced;

    public JapaneseWidthCharFilter(TextReader input) : base(input)
    {
    }

    public static TextReader Wrap(TextReader reader) => new JapaneseWidthCharFilter(reader);

    /// <summary>The mapping as (input, output) pairs, the definition the lookup tables are built from.</summary>
    internal static IEnumerable<(string Input, string Output)> BuildMap()
    {
        for (var c = FullWidthFirst; c <= '\uFF5E'; c++) yield return (c.ToString(), ((char)(c - 0xFEE0)).ToString());
        yield return ("\u3000", " ");
        for (var c = HalfWidthKanaFirst; c <= Last; c++)
        {
            yield return (c.ToString(), c.ToString().Normalize(NormalizationForm.FormKC));
            foreach (var mark in "\uFF9E\uFF9F")
            {
                var composed = string.Concat(c, mark).Normalize(NormalizationForm.FormKC);
                if (composed.Length == 1) yield return (string.Concat(c, mark), composed);
            }
        }
    }

    public override int Read()
    {
        if (!Fill(1)) return -1;
        return Next();
    }

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - index);
        var written = 0;
        while (written < count && Fill(1))
        {
            buffer[index + written++] = Next();
        }
        // Like Lucene's char filters (and the MappingCharFilter this replaces), -1 at the end of the input.
        return written == 0 && count > 0 ? -1 : written;
    }

    /// <summary>Maps the character at the read position (at least one is available), consuming one or two input characters.</summary>
    private char Next()
    {
        var c = _input[_position];
        if (c is < '\u3000' or > Last || (c > '\u3000' && c < FullWidthFirst))
        {
            _position++;
            _consumed++;
            _produced++;
            return c;
        }
        if (c == '\u3000')
        {
            _position++;
            _consumed++;
            _produced++;
            return ' ';
        }
        if (c >= HalfWidthKanaFirst && Fill(2))
        {
            var mark = _input[_position + 1];
            if (mark is VoicedMark or SemiVoicedMark && Pairs[2 * (c - HalfWidthKanaFirst) + (mark - VoicedMark)] is not '\0' and var composed)
            {
                _position += 2;
                _consumed += 2;
                _produced++;
                // As MappingCharFilter records a replacement shorter than its input: from the next output
                // character on, offsets shift by one more.
                AddOffCorrectMap(_produced, _consumed - _produced);
                return composed;
            }
        }
        _position++;
        _consumed++;
        _produced++;
        return Singles[c - FullWidthFirst] is not '\0' and var single ? single : c;
    }

    /// <summary>Makes at least <paramref name="count"/> input characters available from the read position; false at the end of the input.</summary>
    private bool Fill(int count)
    {
        if (_available - _position >= count) return true;
        if (_inputDone) return false;
        var kept = _available - _position;
        if (kept > 0 && _position > 0) Array.Copy(_input, _position, _input, 0, kept);
        _position = 0;
        _available = kept;
        while (_available < count)
        {
            var read = m_input.Read(_input, _available, _input.Length - _available);
            if (read <= 0)
            {
                _inputDone = true;
                break;
            }
            _available += read;
        }
        return _available - _position >= count;
    }

    private static char[] BuildSingles()
    {
        var table = new char[Last - FullWidthFirst + 1];
        foreach (var (input, output) in BuildMap())
        {
            if (input.Length == 1 && input[0] >= FullWidthFirst) table[input[0] - FullWidthFirst] = Single(output);
        }
        return table;
    }

    private static char[] BuildPairs()
    {
        var table = new char[2 * (Last - HalfWidthKanaFirst + 1)];
        foreach (var (input, output) in BuildMap())
        {
            if (input.Length == 2) table[2 * (input[0] - HalfWidthKanaFirst) + (input[1] - VoicedMark)] = Single(output);
        }
        return table;
    }

    private static char Single(string output) =>
        output.Length == 1 ? output[0] : throw new InvalidOperationException($"width mapping to '{output}' is not one character");
}
