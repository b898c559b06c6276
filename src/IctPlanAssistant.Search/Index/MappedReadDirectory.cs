using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// A read-only directory over memory-mapped files whose inputs take no lock, for serving a published generation.
/// <para>
/// Lucene.Net 4.8.0-beta00017's <c>MMapDirectory</c> (what <c>FSDirectory.Open</c> returns here) records every
/// clone of an input in a table guarded by one lock per file, and a search clones inputs all the time (a terms
/// enumerator per term looked up, a postings reader per term read): concurrent requests queue on that lock
/// (apache/lucenenet#1151). <c>SimpleFSDirectory</c> and <c>NIOFSDirectory</c> lock the file's stream on every
/// buffer refill instead. Under wrk, either lock was 30–40 % of the web host's busy time (docs/benchmarks.md,
/// issue 11).
/// </para>
/// <para>
/// Here a file is mapped once, and an input and its clones read through the same pointer, each with its own
/// position. The mapping belongs to the garbage collector: it is unmapped when no input of the file is reachable
/// any more, so a clone can never read a mapping that is gone (disposing the file's first input does not unmap it,
/// unlike Lucene's own MMapDirectory, which relies on nobody using a clone after closing the reader). Files are
/// only read: writing through this directory is not supported.
/// </para>
/// </summary>
public sealed class MappedReadDirectory(string path) : FSDirectory(new DirectoryInfo(path), NoLockFactory.GetNoLockFactory())
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = Path.Combine(Directory.FullName, name);
        var mapping = FileMapping.Open(file);
        return new MappedInput($"MappedInput(path=\"{file}\")", mapping, 0, mapping.Length);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(Path.Combine(Directory.FullName, name));
    }

    private sealed class Slicer : IndexInputSlicer
    {
        private readonly string _file;
        private readonly FileMapping _mapping;

        public Slicer(string file)
        {
            _file = file;
            _mapping = FileMapping.Open(file);
        }

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > _mapping.Length)
                throw new ArgumentException($"slice {sliceDescription} out of bounds: offset={offset}, length={length}, file length={_mapping.Length}: {_file}");
            return new MappedInput($"MappedInput({sliceDescription} in path=\"{_file}\" slice={offset}:{offset + length})", _mapping, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, _mapping.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>A whole file mapped for reading; unmapped by the view's finalizer once nothing references it.</summary>
    private sealed unsafe class FileMapping
    {
        // Held only to keep the mapping alive while an input of it is reachable.
#pragma warning disable IDE0052
        private readonly MemoryMappedFile? _file;
        private readonly MemoryMappedViewAccessor? _view;
#pragma warning restore IDE0052

        private FileMapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* start, long length)
        {
            _file = file;
            _view = view;
            Start = start;
            Length = length;
        }

        public byte* Start { get; }

        public long Length { get; }

        public static FileMapping Open(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = stream.Length;
            if (length == 0) return new FileMapping(null, null, null, 0); // an empty file cannot be mapped, and has nothing to read
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            var start = (byte*)view.SafeMemoryMappedViewHandle.DangerousGetHandle() + view.PointerOffset;
            return new FileMapping(file, view, start, length);
        }
    }

    /// <summary>A window [offset, offset + length) of a mapped file, read through the mapping's pointer.</summary>
    private sealed unsafe class MappedInput(string description, FileMapping mapping, long offset, long length) : IndexInput(description)
    {
        private readonly byte* _start = mapping.Start + offset;
        private long _position;

        // Referenced so that the mapping outlives every input (and clone) reading it.
#pragma warning disable IDE0052
        private readonly FileMapping _mapping = mapping;
#pragma warning restore IDE0052

        public override long Length => length;

        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length) throw new EndOfStreamException($"seek to {pos} past the end ({length}): {this}");
            _position = pos;
        }

        public override byte ReadByte()
        {
            if (_position >= length) throw new EndOfStreamException($"read past EOF: {this}");
            return _start[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > length - _position) throw new EndOfStreamException($"read past EOF: {this}");
            new ReadOnlySpan<byte>(_start + _position, len).CopyTo(b.AsSpan(offset, len));
            _position += len;
        }

        public override short ReadInt16()
        {
            if (length - _position < 2) return base.ReadInt16();
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_start + _position, 2));
            _position += 2;
            return value;
        }

        public override int ReadInt32()
        {
            if (length - _position < 4) return base.ReadInt32();
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_start + _position, 4));
            _position += 4;
            return value;
        }

        public override long ReadInt64()
        {
            if (length - _position < 8) return base.ReadInt64();
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(_start + _position, 8));
            _position += 8;
            return value;
        }

        // A clone is a field-by-field copy: same mapping and window, its own position. No lock, nothing recorded.
        public override object Clone() => base.Clone();

        protected override void Dispose(bool disposing)
        {
        }
    }
}
