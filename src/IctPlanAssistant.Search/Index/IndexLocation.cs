using System.Globalization;
using System.Runtime.InteropServices;
using IctPlanAssistant.Serialization;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// The layout of an index directory: each build is a generation directory (<c>gen-…</c>), and the symbolic link
/// <c>current</c> names the one that is served. Publishing a generation renames a new link over <c>current</c>,
/// which is atomic, so a reader sees the old index or the new one, never a half-built one.
/// </summary>
public sealed class IndexLocation(string root)
{
    public const string CurrentLinkName = "current";
    private const string GenerationPrefix = "gen-";

    public string Root { get; } = Path.GetFullPath(root);

    public string CurrentLink => Path.Combine(Root, CurrentLinkName);

    /// <summary>The directory of the served generation, or null when nothing was ever published.</summary>
    public string? CurrentGeneration()
    {
        var link = new FileInfo(CurrentLink);
        if (link.LinkTarget is not { } target) return null;
        var full = Path.GetFullPath(target, Root);
        return Directory.Exists(full) ? full : null;
    }

    /// <summary>The generation's manifest; null for a generation written before manifests were.</summary>
    /// <exception cref="IndexDamagedException">The manifest is not one (truncated, overwritten).</exception>
    public IndexManifest? ReadManifest(string generation)
    {
        var path = Path.Combine(generation, IndexManifest.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return PlanJson.Deserialize<IndexManifest>(File.ReadAllText(path)) is { Sources: not null } manifest
                ? manifest
                : throw new IndexDamagedException(generation, $"{IndexManifest.FileName} holds no manifest");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or ArgumentException)
        {
            throw new IndexDamagedException(generation, $"{IndexManifest.FileName} cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Every generation directory, published or not.</summary>
    public IEnumerable<string> Generations() =>
        Directory.Exists(Root) ? Directory.EnumerateDirectories(Root, GenerationPrefix + "*").Select(Path.GetFullPath) : [];

    /// <summary>Creates an empty directory for a new generation.</summary>
    /// <exception cref="IndexNotWritableException">The index directory cannot be written.</exception>
    public string CreateGeneration()
    {
        var name = GenerationPrefix + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            Directory.CreateDirectory(Root);
            return Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IndexNotWritableException(Root, e);
        }
    }

    /// <summary>Makes <paramref name="generation"/> the served index, atomically.</summary>
    public void Publish(string generation)
    {
        var temp = Path.Combine(Root, $".{CurrentLinkName}.{Environment.ProcessId}.tmp");
        if (File.Exists(temp) || new FileInfo(temp).LinkTarget is not null) File.Delete(temp);
        File.CreateSymbolicLink(temp, Path.GetFileName(generation));
        // rename(2) replaces the old link atomically. File.Move cannot be used: it follows the link to the directory.
        if (Libc.Rename(temp, CurrentLink) != 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            File.Delete(temp);
            throw new IOException($"Could not publish the index generation {generation} (rename failed, errno {errno}).");
        }
    }

    /// <summary>
    /// Removes generations that are neither served nor the one served just before (a host may still be
    /// finishing requests on it), including the remains of a build that was killed.
    /// </summary>
    public void RemoveStaleGenerations(string? previous)
    {
        var current = CurrentGeneration();
        foreach (var full in Generations())
        {
            if (full == current || full == previous) continue;
            try { Directory.Delete(full, recursive: true); }
            catch (IOException) { } // still in use: removed by a later ingest
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Takes the lock that one ingest at a time holds on this index: an exclusive flock(2) on <c>.ingest.lock</c>,
    /// released when the process closes it or dies.
    /// </summary>
    /// <exception cref="IndexBusyException">Another ingest holds the lock.</exception>
    /// <exception cref="IndexNotWritableException">The directory cannot be written (permissions, a read-only mount).</exception>
    public IDisposable LockForWriting()
    {
        try
        {
            Directory.CreateDirectory(Root);
            // The file is kept when the lock is released: deleting it would let one ingest lock a new file at the
            // path while another, which opened the old file before it was deleted, locks that one.
            return new FileStream(Path.Combine(Root, ".ingest.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e) when (e.HResult == EWouldBlock)
        {
            throw new IndexBusyException(Root, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IndexNotWritableException(Root, e);
        }
    }

    /// <summary>What .NET reports (as the HResult) when flock finds the file locked: EWOULDBLOCK on Linux.</summary>
    private const int EWouldBlock = 11;
}

/// <summary>Another ingest holds the index's write lock.</summary>
public sealed class IndexBusyException(string root, Exception inner)
    : IOException($"Another ingest is writing the index at {root}; wait for it to finish.", inner);

/// <summary>The index directory cannot be written at all: waiting will not help.</summary>
public sealed class IndexNotWritableException(string root, Exception inner)
    : IOException($"Cannot write the index at {root}: {inner.Message} Ingest needs a directory it may write (check its owner, permissions and mount).", inner);

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Rename(string oldPath, string newPath);
}
