using IctPlanAssistant.Search.Analysis.MeCab;
using IctPlanAssistant.Search.Analysis.TokenAttributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IctPlanAssistant.Search.Analysis;

/// <summary>
/// Splits Japanese text into morphemes with MeCab and IPADIC, the algorithm and dictionary of Lucene's Kuromoji
/// JapaneseTokenizer. Each token carries its part of speech, base form and reading in <see cref="IMorphemeAttribute"/>;
/// offsets are exact in the original text (corrected through any char filter).
/// </summary>
public sealed class MeCabTokenizer : Tokenizer
{
    // A lattice holds about 230 bytes per input byte until it is reused: parse long input in chunks,
    // cut at a sentence end, a newline or a space where there is one.
    internal const int ChunkSize = 8192;

    private readonly MeCabModel _model;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly IMorphemeAttribute _morpheme;
    private readonly List<MeCabMorpheme> _morphemes = [];
    private MeCabLattice? _lattice;
    private char[] _text = new char[1024];
    private int _length;
    private int _chunkEnd;
    private int _next;

    public MeCabTokenizer(TextReader input, MeCabModel? model = null) : base(input)
    {
        _model = model ?? MeCabModel.Shared;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _morpheme = AddAttribute<IMorphemeAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_next >= _morphemes.Count)
        {
            if (_chunkEnd >= _length) return false;
            ParseNextChunk();
        }
        var m = _morphemes[_next++];
        _term.CopyBuffer(_text, m.Start, m.Length);
        _offset.SetOffset(CorrectOffset(m.Start), CorrectOffset(m.End));
        _position.PositionIncrement = 1;
        _morpheme.Features = m.Features;
        return true;
    }

    private void ParseNextChunk()
    {
        var start = _chunkEnd;
        var end = ChunkEnd(start);
        _morphemes.Clear();
        _next = 0;
        _lattice ??= _model.CreateLattice();
        _model.Parse(_text.AsSpan(start, end - start), _lattice, _morphemes);
        for (var i = 0; i < _morphemes.Count; i++)
        {
            var m = _morphemes[i];
            _morphemes[i] = m with { Start = m.Start + start, End = m.End + start };
        }
        _chunkEnd = end;
    }

    private int ChunkEnd(int start)
    {
        if (_length - start <= ChunkSize) return _length;
        var limit = start + ChunkSize;
        for (var i = limit - 1; i > start + ChunkSize / 2; i--)
        {
            if (_text[i] is '。' or '\n' or ' ' or '　' or '．' or '.') return i + 1;
        }
        return char.IsHighSurrogate(_text[limit - 1]) ? limit - 1 : limit;
    }

    public override void Reset()
    {
        base.Reset();
        _length = 0;
        int read;
        // ReadToEnd is not safe on every char filter: read in a loop until the reader says it is done.
        while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _text.Length) Array.Resize(ref _text, _text.Length * 2);
        }
        _morphemes.Clear();
        _next = 0;
        _chunkEnd = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }
}
