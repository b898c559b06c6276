using System.Security.Cryptography;
using IctPlanAssistant.Search.Index;

namespace IctPlanAssistant.Search.Ingestion;

/// <summary>A plan document to ingest, with the key its rows get in a several-plan index.</summary>
public sealed record PlanSource(string Path, string? Key)
{
    /// <summary>The plan documents bundled with the application (copied beside it at build).</summary>
    public static string BundledDirectory => System.IO.Path.Combine(AppContext.BaseDirectory, "plans");

    /// <summary>
    /// Expands command-line sources: a file, a directory (its *.txt and *.md), or <c>KEY=PATH</c> to name the plan.
    /// One document gives the short ids (<c>1-2</c>); several give each its key (<c>2017:1-2</c>), by default the
    /// file name without extension.
    /// </summary>
    public static IReadOnlyList<PlanSource> Resolve(IReadOnlyList<string> specs)
    {
        if (specs.Count == 0) specs = [BundledDirectory];
        var sources = new List<PlanSource>();
        foreach (var spec in specs)
        {
            var (key, path) = SplitKey(spec);
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) throw new FileNotFoundException($"{path}: no plan documents (*.txt, *.md) in this directory");
                sources.AddRange(files.Select(f => new PlanSource(f, key is null ? null : $"{key}-{System.IO.Path.GetFileNameWithoutExtension(f)}")));
            }
            else if (File.Exists(path))
            {
                sources.Add(new PlanSource(path, key));
            }
            else
            {
                throw new FileNotFoundException($"{path}: no such plan document or directory");
            }
        }
        if (sources.Count == 1) return [sources[0] with { Key = null }];
        var keyed = sources.Select(s => s with { Key = s.Key ?? DefaultKey(s.Path) }).ToList();
        var clash = keyed.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"two plan documents get the key '{clash.Key}': name them with KEY=PATH ({string.Join(", ", clash.Select(s => s.Path))})");
        return keyed;
    }

    /// <summary>
    /// The documents an index was built from, to build it again (when an upgrade changed the index schema): each
    /// recorded path that still holds the same content, else the bundled document with that content.
    /// </summary>
    /// <exception cref="FileNotFoundException">A document is no longer where it was, or has changed since.</exception>
    public static IReadOnlyList<PlanSource> Recorded(IndexManifest manifest)
    {
        var bundled = Directory.Exists(BundledDirectory)
            ? Directory.EnumerateFiles(BundledDirectory).ToDictionary(ContentHash, f => f)
            : [];
        return manifest.Sources.Select(source =>
        {
            if (File.Exists(source.Path) && ContentHash(source.Path) == source.Sha256) return new PlanSource(source.Path, source.Plan);
            if (bundled.TryGetValue(source.Sha256, out var copy)) return new PlanSource(copy, source.Plan);
            throw new FileNotFoundException($"{source.Path}: the plan document the index was built from is no longer there, or has changed");
        }).ToList();
    }

    /// <summary>The SHA-256 of a document's bytes, recorded in the manifest.</summary>
    public static string ContentHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static (string? Key, string Path) SplitKey(string spec)
    {
        var eq = spec.IndexOf('=');
        if (eq <= 0 || File.Exists(spec) || Directory.Exists(spec)) return (null, spec);
        var key = spec[..eq];
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"plan key '{key}' may use only letters, digits, '-', '_' and '.'");
        return (key, spec[(eq + 1)..]);
    }

    private static string DefaultKey(string path)
    {
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var key = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return key.Length == 0 ? "plan" : key;
    }
}
