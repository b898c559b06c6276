using System.Numerics;
using Lucene.Net.Util;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The set bits of a bit set, lowest first, read a 64-bit word at a time: a broad question's loops run over most of the
/// index's rows, where <see cref="FixedBitSet.NextSetBit"/> per row costs a call, checks and a search from the given
/// bit each time.
/// </summary>
internal static class SetBits
{
    public static Enumerator Of(FixedBitSet bits) => new(bits.GetBits().AsSpan(0, FixedBitSet.Bits2words(bits.Length)));

    /// <summary>For <c>foreach</c>: a row at a time, no allocation.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<long> _words;
        private int _word;
        private ulong _rest;

        internal Enumerator(ReadOnlySpan<long> words)
        {
            _words = words;
            _word = -1;
            _rest = 0;
            Current = -1;
        }

        public int Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_rest == 0)
            {
                if (++_word >= _words.Length) return false;
                _rest = (ulong)_words[_word];
            }
            Current = (_word << 6) + BitOperations.TrailingZeroCount(_rest);
            _rest &= _rest - 1;
            return true;
        }
    }
}
