using System.Runtime.InteropServices;

namespace IctPlanAssistant.Search.Analysis.MeCab;

/// <summary>
/// A MeCab lattice with its reusable UTF-8 buffer. A lattice must not be shared by two threads at once; Lucene
/// reuses a tokenizer per thread and calls Dispose after every field, so the native lattice is freed by this
/// SafeHandle's finalizer or by an explicit Dispose of the owner, not by the tokenizer's Dispose.
/// </summary>
public sealed class MeCabLattice : SafeHandle
{
    internal MeCabLattice(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    internal byte[] Utf8 { get; set; } = new byte[4096];

    /// <summary>For each UTF-8 byte of the current text, the UTF-16 index of the character it belongs to.</summary>
    internal int[] ByteToChar { get; set; } = new int[4097];

    protected override bool ReleaseHandle()
    {
        MeCabNative.LatticeDestroy(handle);
        return true;
    }
}
