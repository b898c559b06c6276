using Lucene.Net.Index;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// Opens a generation only if it is whole: every file's checksum (Lucene writes a CRC-32 footer into each), a row
/// read back from every segment, and the row count its manifest records. Checking reads every byte once, about a
/// second a gigabyte, when a generation is published and when a host first serves it; never per request.
/// </summary>
internal static class GenerationCheck
{
    /// <exception cref="IndexDamagedException">A file is damaged or missing, or a row cannot be read.</exception>
    public static DirectoryReader Open(Lucene.Net.Store.Directory directory, string generation, IndexManifest? manifest)
    {
        DirectoryReader? reader = null;
        try
        {
            reader = DirectoryReader.Open(directory);
            foreach (var leaf in reader.Leaves)
            {
                var segment = leaf.AtomicReader;
                segment.CheckIntegrity();
                if (FirstLiveDocument(segment) is { } doc) RowDocument.Read(segment.Document(doc));
            }
            if (manifest is not null && manifest.Rows != reader.NumDocs)
                throw new InvalidDataException($"the manifest records {manifest.Rows} rows, the index holds {reader.NumDocs}");
            return reader;
        }
        catch (DirectoryNotFoundException)
        {
            reader?.Dispose();
            throw; // the generation was removed meanwhile: not damage
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Damage shows as many exception types (CorruptIndexException, EndOfStreamException, a broken row's JSON…).
            reader?.Dispose();
            throw new IndexDamagedException(generation, e.Message, e);
        }
    }

    private static int? FirstLiveDocument(AtomicReader segment)
    {
        var live = segment.LiveDocs;
        for (var doc = 0; doc < segment.MaxDoc; doc++)
            if (live is null || live.Get(doc)) return doc;
        return null;
    }
}
