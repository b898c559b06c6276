using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using IctPlanAssistant.Serialization;
using Microsoft.Extensions.AI;

namespace IctPlanAssistant.Answers.Retrieval;

/// <summary>
/// Row embeddings, computed once per row content and model: kept in memory and in a file beside the index
/// (<c>INDEX/embeddings/MODEL.jsonl</c>, one <c>{"key","vector"}</c> a line), keyed by a hash of the model and the
/// row's text. A new index generation with unchanged rows costs no embedding call; a changed row costs one.
/// </summary>
public sealed class RowEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> generator, string indexRoot, string model)
{
    public const string DirectoryName = "embeddings";

    private readonly ConcurrentDictionary<string, float[]> _vectors = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _loaded;

    public string FilePath { get; } = Path.Combine(indexRoot, DirectoryName, SafeName(model) + ".jsonl");

    /// <summary>The text of a row that its embedding stands for.</summary>
    public static string TextOf(PlanRow row) =>
        $"{row.Name}\n{row.Department} {string.Join(' ', row.Divisions)}\n{row.Summary}\n{row.Results}";

    /// <summary>The embedding of every row, computing (in one call) and storing those not cached yet.</summary>
    public async Task<IReadOnlyDictionary<RowId, float[]>> VectorsAsync(IReadOnlyList<PlanRow> rows, CancellationToken cancellationToken)
    {
        var keys = rows.ToDictionary(r => r.Id, r => Key(TextOf(r)));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_loaded) Load();
            var missing = rows.Where(r => !_vectors.ContainsKey(keys[r.Id])).ToList();
            if (missing.Count > 0)
            {
                var embeddings = await generator.GenerateAsync(missing.Select(TextOf), cancellationToken: cancellationToken).ConfigureAwait(false);
                var added = new List<(string, float[])>();
                for (var i = 0; i < missing.Count; i++)
                {
                    var vector = embeddings[i].Vector.ToArray();
                    _vectors[keys[missing[i].Id]] = vector;
                    added.Add((keys[missing[i].Id], vector));
                }
                Append(added);
            }
        }
        finally
        {
            _gate.Release();
        }
        return rows.ToDictionary(r => r.Id, r => _vectors[keys[r.Id]]);
    }

    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var embeddings = await generator.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        return embeddings[0].Vector.ToArray();
    }

    private string Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\n" + text)));

    private void Load()
    {
        _loaded = true;
        if (!File.Exists(FilePath)) return;
        foreach (var line in File.ReadLines(FilePath))
        {
            try
            {
                if (PlanJson.Deserialize<CachedVector>(line) is { Key.Length: > 0 } cached) _vectors[cached.Key] = FromBase64(cached.Vector);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
            {
                // A line cut short by a killed process: that row is embedded again.
            }
        }
    }

    private void Append(IEnumerable<(string Key, float[] Vector)> vectors)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        // Appending whole lines: a reader never sees another process's half line as a vector (it skips it).
        File.AppendAllLines(FilePath, vectors.Select(v => PlanJson.Serialize(new CachedVector(v.Key, ToBase64(v.Vector)))));
    }

    private static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    private static float[] FromBase64(string text)
    {
        var bytes = Convert.FromBase64String(text);
        var vector = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, vector, 0, vector.Length * sizeof(float));
        return vector;
    }

    private static string SafeName(string model) =>
        string.Concat(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private sealed record CachedVector(string Key, string Vector);
}
