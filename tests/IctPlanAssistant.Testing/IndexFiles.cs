using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Testing;

/// <summary>Damages an index generation on disk the way a failing disk or a stray write would.</summary>
public static class IndexFiles
{
    /// <summary>
    /// "stored fields" or "terms": 4 KB in the middle of the largest such file (or the compound file) with every
    /// bit pattern changed; "manifest": a manifest.json cut off mid-way.
    /// </summary>
    public static void Damage(string generation, string what)
    {
        if (what == "manifest")
        {
            File.WriteAllText(Path.Combine(generation, IndexManifest.FileName), "{\"schemaVersion\": 3, \"rows\": [");
            return;
        }
        var extensions = what == "stored fields" ? new[] { ".fdt", ".cfs" } : [".tim", ".cfs"];
        var file = Directory.EnumerateFiles(generation).Where(f => extensions.Contains(Path.GetExtension(f))).MaxBy(f => new FileInfo(f).Length)
            ?? throw new InvalidOperationException($"no {what} file in {generation}");
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        var length = (int)Math.Min(4096, stream.Length / 2);
        var bytes = new byte[length];
        stream.Position = stream.Length / 4;
        stream.ReadExactly(bytes);
        for (var i = 0; i < bytes.Length; i++) bytes[i] ^= 0x5A;
        stream.Position = stream.Length / 4;
        stream.Write(bytes);
    }
}
