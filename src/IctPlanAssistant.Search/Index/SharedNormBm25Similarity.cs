using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Index;

/// <summary>
/// Lucene's <see cref="BM25Similarity"/> (k1 = 1.2, b = 0.75), score for score to the bit, with two costs of its
/// weights taken out: the table of length norms (BM25 makes a new float[256] for every weight, and a question makes
/// hundreds of weights) is made once per average field length and shared, and a term's idf comes without the text
/// explaining it (Lucene formats idf(docFreq=…, maxDocs=…) for every term of every weight). BM25's weighing
/// (<c>ComputeWeight</c>, <c>GetSimScorer</c>) is sealed, so this is BM25's arithmetic written again in Lucene's
/// order of operations; norms are written by BM25 itself, so indexes are unchanged.
/// </summary>
internal sealed class SharedNormBm25Similarity : Similarity
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const string Unexplained = "idf (BM25)";

    /// <summary>Beyond this many average lengths (a few per field and index generation) the tables start again.</summary>
    private const int MaxTables = 256;

    // Writes the norms: BM25's own encoding of a field's length.
    private static readonly BM25Similarity Bm25 = new(K1, B);

    // BM25's decoded norms (its NORM_TABLE): the field length each norm byte stands for.
    private static readonly float[] Lengths = DecodedLengths();

    // The freq-independent part of BM25 for every norm byte, by the average field length's bits.
    private readonly ConcurrentDictionary<int, float[]> _tables = new();

    public override long ComputeNorm(FieldInvertState state) => Bm25.ComputeNorm(state);

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        // As BM25Similarity.IdfExplain: one term's idf, or a phrase's terms' idfs summed in order.
        var idf = 0f;
        if (termStats.Length == 1) idf = Idf(termStats[0].DocFreq, collectionStats.MaxDoc);
        else foreach (var stat in termStats) idf += Idf(stat.DocFreq, collectionStats.MaxDoc);
        var averageLength = AverageFieldLength(collectionStats);
        return new Bm25Weight(collectionStats.Field, idf, queryBoost, averageLength, NormTable(averageLength));
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Bm25Weight)weight;
        return new Bm25Scorer(stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    public override string ToString() => $"BM25(k1={K1},b={B}), shared norms";

    /// <summary>BM25's idf: <c>log(1 + (numDocs - docFreq + 0.5) / (docFreq + 0.5))</c>.</summary>
    internal static float Idf(long docFreq, long numDocs) => (float)Math.Log(1 + (numDocs - docFreq + 0.5D) / (docFreq + 0.5D));

    private static float AverageFieldLength(CollectionStatistics stats) =>
        stats.SumTotalTermFreq <= 0 ? 1f : (float)(stats.SumTotalTermFreq / (double)stats.MaxDoc);

    /// <summary>The table BM25 computes for every weight: <c>k1 * ((1 - b) + b * length / avgdl)</c> per norm byte.</summary>
    internal float[] NormTable(float averageLength)
    {
        var key = BitConverter.SingleToInt32Bits(averageLength);
        if (_tables.TryGetValue(key, out var table)) return table;
        table = new float[256];
        for (var i = 0; i < table.Length; i++) table[i] = K1 * ((1 - B) + B * Lengths[i] / averageLength);
        if (_tables.Count >= MaxTables) _tables.Clear();
        return _tables.GetOrAdd(key, table);
    }

    private static float[] DecodedLengths()
    {
        var lengths = new float[256];
        for (var i = 0; i < lengths.Length; i++)
        {
            var f = SmallSingle.SByte315ToSingle((sbyte)i);
            lengths[i] = 1.0f / (f * f);
        }
        return lengths;
    }

    /// <summary>BM25's <c>BM25Stats</c>: the idf, the boosts and the shared norm table.</summary>
    private sealed class Bm25Weight(string field, float idf, float queryBoost, float averageLength, float[] normTable) : SimWeight
    {
        public string Field { get; } = field;
        public float Idf { get; } = idf;
        public float QueryBoost { get; } = queryBoost;
        public float AverageLength { get; } = averageLength;
        public float[] NormTable { get; } = normTable;
        public float TopLevelBoost { get; private set; }

        /// <summary>Idf times both boosts, as BM25Stats.Normalize multiplies them.</summary>
        public float Weight { get; private set; }

        public override float GetValueForNormalization()
        {
            var queryWeight = Idf * QueryBoost;
            return queryWeight * queryWeight;
        }

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            TopLevelBoost = topLevelBoost;
            Weight = Idf * QueryBoost * topLevelBoost;
        }
    }

    /// <summary>BM25's <c>BM25DocScorer</c>.</summary>
    private sealed class Bm25Scorer(Bm25Weight stats, NumericDocValues? norms) : SimScorer
    {
        private readonly float _weightValue = stats.Weight * (K1 + 1);
        private readonly float[] _normTable = stats.NormTable;

        public override float Score(int doc, float freq)
        {
            // Without norms BM25 acts as if b were 0.
            var norm = norms is null ? K1 : _normTable[(sbyte)norms.Get(doc) & 0xFF];
            return _weightValue * freq / (freq + norm);
        }

        public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1;

        public override Explanation Explain(int doc, Explanation freq)
        {
            var result = new Explanation { Description = $"score(doc={doc},freq={freq}), product of:" };
            var boost = new Explanation(stats.QueryBoost * stats.TopLevelBoost, "boost");
            if (boost.Value != 1.0f) result.AddDetail(boost);
            result.AddDetail(new Explanation(stats.Idf, Unexplained));
            var tfNorm = new Explanation { Description = "tfNorm, computed from:" };
            tfNorm.AddDetail(freq);
            tfNorm.AddDetail(new Explanation(K1, "parameter k1"));
            if (norms is null)
            {
                tfNorm.AddDetail(new Explanation(0, "parameter b (norms omitted for field)"));
                tfNorm.Value = freq.Value * (K1 + 1) / (freq.Value + K1);
            }
            else
            {
                var length = Lengths[(byte)norms.Get(doc)];
                tfNorm.AddDetail(new Explanation(B, "parameter b"));
                tfNorm.AddDetail(new Explanation(stats.AverageLength, "avgFieldLength"));
                tfNorm.AddDetail(new Explanation(length, "fieldLength"));
                tfNorm.Value = freq.Value * (K1 + 1) / (freq.Value + K1 * (1 - B + B * length / stats.AverageLength));
            }
            result.AddDetail(tfNorm);
            result.Value = boost.Value * stats.Idf * tfNorm.Value;
            return result;
        }
    }
}
