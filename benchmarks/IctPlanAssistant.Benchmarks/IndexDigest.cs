using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IctPlanAssistant.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IctPlanAssistant.Benchmarks;

/// <summary>
/// <c>--index-digest INDEX</c>: what an index holds, whatever its segments and document numbers: the stored rows, and
/// for each field every term with the rows (by id) it occurs in, its frequency and positions in each, the norms and the
/// doc values, each field summed up as counts and a SHA-256. Two builds of the same documents print the same lines when
/// their content is the same, so a change to how the index is written can be checked not to change what it holds.
/// </summary>
internal static class IndexDigest
{
    public static void Run(string index)
    {
        var location = new IndexLocation(index);
        var generation = location.CurrentGeneration() ?? throw new DirectoryNotFoundException($"{index} holds no published generation");
        using var directory = FSDirectory.Open(generation);
        using var reader = DirectoryReader.Open(directory);
        var ids = new string[reader.MaxDoc];
        var live = MultiFields.GetLiveDocs(reader);
        var rows = new List<(string Id, string Row)>();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc)) continue;
            var stored = reader.Document(doc);
            ids[doc] = stored.Get(PlanFields.Id);
            rows.Add((ids[doc], stored.Get(PlanFields.Row)));
        }
        Console.WriteLine($"{reader.Leaves.Count} segment(s), {reader.NumDocs:N0} rows");
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            foreach (var (id, row) in rows.OrderBy(r => r.Id, StringComparer.Ordinal)) Add(hash, id + "\t" + row);
            Console.WriteLine($"stored rows {rows.Count:N0} {Convert.ToHexString(hash.GetHashAndReset())[..16]}");
        }
        var fields = MultiFields.GetFields(reader);
        foreach (var field in fields.OrderBy(f => f, StringComparer.Ordinal))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long terms = 0, postings = 0, positions = 0;
            var termsEnum = fields.GetTerms(field).GetEnumerator();
            DocsAndPositionsEnum? docsAndPositions = null;
            DocsEnum? docs = null;
            var entries = new List<(string Id, string Text)>();
            while (termsEnum.MoveNext())
            {
                terms++;
                entries.Clear();
                docsAndPositions = termsEnum.DocsAndPositions(live, docsAndPositions);
                if (docsAndPositions is not null)
                {
                    while (docsAndPositions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        var text = new StringBuilder().Append(docsAndPositions.Freq);
                        for (var i = 0; i < docsAndPositions.Freq; i++) text.Append(',').Append(docsAndPositions.NextPosition());
                        positions += docsAndPositions.Freq;
                        entries.Add((ids[docsAndPositions.DocID], text.ToString()));
                    }
                }
                else
                {
                    docs = termsEnum.Docs(live, docs);
                    while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) entries.Add((ids[docs.DocID], docs.Freq.ToString(CultureInfo.InvariantCulture)));
                }
                postings += entries.Count;
                Add(hash, termsEnum.Term.ToString());
                foreach (var (id, text) in entries.OrderBy(e => e.Id, StringComparer.Ordinal)) Add(hash, id + ":" + text);
            }
            var norms = Norms(reader, field, ids, live);
            Console.WriteLine($"field {field}: {terms:N0} terms, {postings:N0} postings, {positions:N0} positions {Convert.ToHexString(hash.GetHashAndReset())[..16]}; norms {norms}");
        }
        foreach (var field in new[] { PlanFields.BudgetValue, PlanFields.SectionValue, PlanFields.Order })
            Console.WriteLine($"doc values {field}: {Values(ids, live, doc => MultiDocValues.GetNumericValues(reader, field)?.Get(doc).ToString(CultureInfo.InvariantCulture))}");
        foreach (var field in new[] { PlanFields.DepartmentValue, PlanFields.PlanValue })
        {
            var values = MultiDocValues.GetSortedValues(reader, field);
            var bytes = new BytesRef();
            Console.WriteLine($"doc values {field}: {Values(ids, live, doc => { values?.Get(doc, bytes); return values is null ? null : bytes.Utf8ToString(); })}");
        }
    }

    private static string Norms(IndexReader reader, string field, string[] ids, IBits? live)
    {
        var norms = MultiDocValues.GetNormValues(reader, field);
        return norms is null ? "none" : Values(ids, live, doc => norms.Get(doc).ToString(CultureInfo.InvariantCulture));
    }

    private static string Values(string[] ids, IBits? live, Func<int, string?> value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var entries = Enumerable.Range(0, ids.Length).Where(d => live is null || live.Get(d)).Select(d => (Id: ids[d], Value: value(d) ?? "-")).OrderBy(e => e.Id, StringComparer.Ordinal);
        foreach (var (id, v) in entries) Add(hash, id + "=" + v);
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData("\n"u8);
    }
}
