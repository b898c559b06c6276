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

    public IndexManifest? ReadManifest(string generation)
    {
        var path = Path.Combine(generation, IndexManifest.FileName);
        return File.Exists(path) ? PlanJson.Deserialize<IndexManifest>(File.ReadAllText(path)) : null;
    }

    /// <summary>Creates an empty directory for a new generation.</summary>
    public string CreateGeneration()
    {
        Directory.CreateDirectory(Root);
        var name = GenerationPrefix + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        return Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
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
        foreach (var dir in Directory.EnumerateDirectories(Root, GenerationPrefix + "*"))
        {
            var full = Path.GetFullPath(dir);
            if (full == current || full == previous) continue;
            try { Directory.Delete(full, recursive: true); }
            catch (IOException) { } // still in use: removed by a later ingest
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Takes the lock that one ingest at a time holds on this index.</summary>
    public IDisposable LockForWriting()
    {
        Directory.CreateDirectory(Root);
        try
        {
            return new FileStream(Path.Combine(Root, ".ingest.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new IndexBusyException(Root, e);
        }
    }
}

/// <summary>Another ingest holds the index's write lock.</summary>
public sealed class IndexBusyException(string root, Exception inner)
    : IOException($"Another ingest is writing the index at {root}; wait for it to finish.", inner);

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "rename", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Rename(string oldPath, string newPath);
}
