using System.Runtime.InteropServices;

namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>The libmecab C API (mecab.h, 0.996) that the tokenizer uses.</summary>
internal static unsafe partial class MeCabNative
{
    public const string Library = "libmecab.so.2";

    [LibraryImport(Library, EntryPoint = "mecab_model_new")]
    public static partial IntPtr ModelNew(int argc, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] argv);

    [LibraryImport(Library, EntryPoint = "mecab_model_destroy")]
    public static partial void ModelDestroy(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_model_new_tagger")]
    public static partial IntPtr ModelNewTagger(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_model_new_lattice")]
    public static partial IntPtr ModelNewLattice(IntPtr model);

    [LibraryImport(Library, EntryPoint = "mecab_destroy")]
    public static partial void TaggerDestroy(IntPtr tagger);

    /// <summary>The last error; with a null argument, the error of the last failed creation.</summary>
    [LibraryImport(Library, EntryPoint = "mecab_strerror")]
    public static partial IntPtr StrError(IntPtr tagger);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_destroy")]
    public static partial void LatticeDestroy(IntPtr lattice);

    /// <summary>Sets the text to parse. MeCab keeps the pointer: the bytes must stay pinned until the walk ends.</summary>
    [LibraryImport(Library, EntryPoint = "mecab_lattice_set_sentence2")]
    public static partial void LatticeSetSentence(IntPtr lattice, byte* sentence, nuint length);

    [LibraryImport(Library, EntryPoint = "mecab_parse_lattice")]
    public static partial int ParseLattice(IntPtr tagger, IntPtr lattice);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_get_bos_node")]
    public static partial MeCabNode* LatticeGetBosNode(IntPtr lattice);

    [LibraryImport(Library, EntryPoint = "mecab_lattice_strerror")]
    public static partial IntPtr LatticeStrError(IntPtr lattice);
}

/// <summary>mecab_node_t (112 bytes on x86-64, checked with offsetof).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MeCabNode
{
    public MeCabNode* Prev;
    public MeCabNode* Next;
    public MeCabNode* ENext;
    public MeCabNode* BNext;
    public IntPtr RPath;
    public IntPtr LPath;
    public byte* Surface;
    public byte* Feature;
    public uint Id;
    public ushort Length;
    public ushort RLength;
    public ushort RcAttr;
    public ushort LcAttr;
    public ushort PosId;
    public byte CharType;
    public byte Stat;
    public byte IsBest;
    public float Alpha;
    public float Beta;
    public float Prob;
    public short WCost;
    public CLong Cost;

    public const byte NormalNode = 0, UnknownNode = 1, BosNode = 2, EosNode = 3;
}
