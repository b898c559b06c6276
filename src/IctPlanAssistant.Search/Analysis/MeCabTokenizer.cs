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
    private readonly MeCabModel _model;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly IMorphemeAttribute _morpheme;
    private readonly List<MeCabMorpheme> _morphemes = [];
    private MeCabLattice? _lattice;
    private char[] _text = new char[1024];
    private int _length;
    private bool _parsed;
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
        if (!_parsed)
        {
            var text = _text.AsSpan(0, _length);
            if (!RecentParses.Current.TryGet(_model, text, _morphemes))
            {
                _lattice ??= _model.CreateLattice();
                _model.Parse(text, _lattice, _morphemes);
                RecentParses.Current.Add(_model, text, _morphemes);
            }
            _parsed = true;
        }
        if (_next >= _morphemes.Count) return false;
        var m = _morphemes[_next++];
        _term.CopyBuffer(_text, m.Start, m.Length);
        _offset.SetOffset(CorrectOffset(m.Start), CorrectOffset(m.End));
        _position.PositionIncrement = 1;
        _morpheme.Features = m.Features;
        return true;
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
        _parsed = false;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }
}
