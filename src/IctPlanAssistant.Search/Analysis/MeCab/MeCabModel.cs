using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>
/// A loaded MeCab dictionary and tagger, shared by all threads: parsing is read-only on the model and the
/// tagger, and each thread brings its own <see cref="MeCabLattice"/>.
/// </summary>
public sealed unsafe class MeCabModel : IDisposable
{
    private static readonly Lazy<MeCabModel> SharedModel = new(() => Open(new MeCabOptions()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly IntPtr _model;
    private readonly IntPtr _tagger;
    // Decoding a feature string is the costliest step of a walk; dictionary entries live in the mmapped
    // dictionary for the model's lifetime, so their feature pointers are stable cache keys.
    private readonly ConcurrentDictionary<IntPtr, MeCabFeatures> _features = new();

    private MeCabModel(IntPtr model, IntPtr tagger, MeCabOptions options)
    {
        _model = model;
        _tagger = tagger;
        Options = options;
    }

    /// <summary>The process-wide model over the default dictionaries.</summary>
    public static MeCabModel Shared => SharedModel.Value;

    public MeCabOptions Options { get; }

    public static MeCabModel Open(MeCabOptions options)
    {
        var sysDic = Path.Combine(options.DictionaryDirectory, "sys.dic");
        if (!File.Exists(sysDic))
            throw new MeCabUnavailableException(
                $"The MeCab IPADIC dictionary was not found at {options.DictionaryDirectory}; {MeCabUnavailableException.InstallHint}");
        if (options.UserDictionaryPath is { } user && !File.Exists(user))
            throw new MeCabUnavailableException($"The MeCab user dictionary {user} does not exist; rebuild the solution to compile it.");

        // -r /dev/null: never read /etc/mecabrc, whose default dictionary another package may have changed.
        var args = new List<string> { "mecab", "-r", "/dev/null", "-d", options.DictionaryDirectory };
        if (options.UserDictionaryPath is { } userDic) args.AddRange(["-u", userDic]);
        IntPtr model;
        try
        {
            model = MeCabNative.ModelNew(args.Count, [.. args]);
        }
        catch (DllNotFoundException e)
        {
            throw new MeCabUnavailableException($"libmecab.so.2 could not be loaded; {MeCabUnavailableException.InstallHint}", e);
        }
        if (model == IntPtr.Zero)
            throw new MeCabUnavailableException($"MeCab could not load its dictionary ({Marshal.PtrToStringUTF8(MeCabNative.StrError(IntPtr.Zero))}); {MeCabUnavailableException.InstallHint}");
        var tagger = MeCabNative.ModelNewTagger(model);
        if (tagger == IntPtr.Zero)
        {
            MeCabNative.ModelDestroy(model);
            throw new MeCabUnavailableException("MeCab could not create a tagger: " + Marshal.PtrToStringUTF8(MeCabNative.StrError(IntPtr.Zero)));
        }
        return new MeCabModel(model, tagger, options);
    }

    public MeCabLattice CreateLattice()
    {
        var lattice = MeCabNative.ModelNewLattice(_model);
        if (lattice == IntPtr.Zero) throw new InvalidOperationException("MeCab could not create a lattice.");
        return new MeCabLattice(lattice);
    }

    /// <summary>
    /// MeCab refuses very long sentences, and a lattice holds about 230 bytes per input byte until it is reused:
    /// long text is parsed in chunks of at most this many characters, cut at a sentence end, a newline or a space.
    /// </summary>
    public const int ChunkSize = 8192;

    [ThreadStatic] private static (MeCabModel Model, MeCabLattice Lattice)? s_threadLattice;

    [ThreadStatic] private static LastParse? s_lastParse;

    /// <summary>
    /// Parses text with this thread's lattice of this model (for short texts such as questions). The same text parsed
    /// again right after gives the morphemes kept from the last parse: reading a question parses it for its kana words,
    /// then as the question, the same text unless a kana word was respelled.
    /// </summary>
    public void Parse(ReadOnlySpan<char> text, List<MeCabMorpheme> output)
    {
        var last = s_lastParse ??= new LastParse();
        if (last.Is(this, text))
        {
            output.AddRange(last.Morphemes);
            return;
        }
        if (s_threadLattice is not { } current || !ReferenceEquals(current.Model, this))
        {
            s_threadLattice?.Lattice.Dispose();
            current = (this, CreateLattice());
            s_threadLattice = current;
        }
        var first = output.Count;
        Parse(text, current.Lattice, output);
        last.Keep(this, text, output, first);
    }

    /// <summary>A thread's last text parsed with its lattice, and its morphemes (buffers reused from parse to parse).</summary>
    private sealed class LastParse
    {
        private const int MaxKeptLength = 1024;
        private MeCabModel? _model;
        private char[] _text = new char[64];
        private int _length = -1;

        public List<MeCabMorpheme> Morphemes { get; } = [];

        public bool Is(MeCabModel model, ReadOnlySpan<char> text) =>
            _length >= 0 && ReferenceEquals(_model, model) && text.SequenceEqual(_text.AsSpan(0, _length));

        public void Keep(MeCabModel model, ReadOnlySpan<char> text, List<MeCabMorpheme> output, int first)
        {
            _length = -1; // a long text is not kept
            Morphemes.Clear();
            if (text.Length > MaxKeptLength) return;
            if (_text.Length < text.Length) _text = new char[Math.Max(text.Length, _text.Length * 2)];
            text.CopyTo(_text);
            for (var i = first; i < output.Count; i++) Morphemes.Add(output[i]);
            _model = model;
            _length = text.Length;
        }
    }

    /// <summary>Parses text into morphemes (whitespace is skipped, as MeCab does); offsets are UTF-16 indexes into <paramref name="text"/>.</summary>
    public void Parse(ReadOnlySpan<char> text, MeCabLattice lattice, List<MeCabMorpheme> output)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = ChunkEnd(text, start);
            var first = output.Count;
            ParseChunk(text[start..end], lattice, output);
            for (var i = first; i < output.Count && start > 0; i++)
                output[i] = output[i] with { Start = output[i].Start + start, End = output[i].End + start };
            start = end;
        }
    }

    private static int ChunkEnd(ReadOnlySpan<char> text, int start)
    {
        if (text.Length - start <= ChunkSize) return text.Length;
        var limit = start + ChunkSize;
        for (var i = limit - 1; i > start + ChunkSize / 2; i--)
        {
            if (text[i] is '。' or '\n' or ' ' or '　' or '．' or '.') return i + 1;
        }
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }

    private void ParseChunk(ReadOnlySpan<char> text, MeCabLattice lattice, List<MeCabMorpheme> output)
    {
        if (text.IsEmpty) return;
        var length = Encode(text, lattice);
        var added = false;
        lattice.DangerousAddRef(ref added);
        try
        {
            fixed (byte* bytes = lattice.Utf8)
            {
                var handle = lattice.DangerousGetHandle();
                MeCabNative.LatticeSetSentence(handle, bytes, (nuint)length);
                if (MeCabNative.ParseLattice(_tagger, handle) == 0)
                    throw new InvalidOperationException("MeCab failed to parse: " + Marshal.PtrToStringUTF8(MeCabNative.LatticeStrError(handle)));
                var map = lattice.ByteToChar;
                for (var node = MeCabNative.LatticeGetBosNode(handle)->Next; node != null && node->Stat != MeCabNode.EosNode; node = node->Next)
                {
                    if (node->Length == 0) continue;
                    var byteStart = (int)(node->Surface - bytes);
                    var isUnknown = node->Stat == MeCabNode.UnknownNode;
                    output.Add(new MeCabMorpheme(map[byteStart], map[byteStart + node->Length], FeaturesOf(node, isUnknown), isUnknown));
                }
            }
        }
        finally
        {
            if (added) lattice.DangerousRelease();
        }
    }

    private MeCabFeatures FeaturesOf(MeCabNode* node, bool isUnknown)
    {
        var key = (IntPtr)node->Feature;
        if (_features.TryGetValue(key, out var features)) return features;
        var text = Marshal.PtrToStringUTF8(key) ?? "";
        return _features.GetOrAdd(key, MeCabFeatures.Parse(text, isUnknown));
    }

    /// <summary>Writes the text as UTF-8 into the lattice's buffer, with a byte-to-character map; lone surrogates become U+FFFD.</summary>
    private static int Encode(ReadOnlySpan<char> text, MeCabLattice lattice)
    {
        var max = text.Length * 3;
        if (lattice.Utf8.Length < max) lattice.Utf8 = new byte[max];
        if (lattice.ByteToChar.Length < max + 1) lattice.ByteToChar = new int[max + 1];
        var bytes = lattice.Utf8.AsSpan();
        var map = lattice.ByteToChar;
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
            var n = rune.EncodeToUtf8(bytes[written..]);
            for (var b = 0; b < n; b++) map[written + b] = i;
            written += n;
            i += consumed;
        }
        map[written] = text.Length;
        return written;
    }

    public void Dispose()
    {
        if (SharedModel.IsValueCreated && ReferenceEquals(this, SharedModel.Value)) return; // the shared model lives as long as the process
        MeCabNative.TaggerDestroy(_tagger);
        MeCabNative.ModelDestroy(_model);
    }
}
