using Lucene.Net.Search;

namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The clauses of a group that marking can pass over: a clause every row of which another clause of the group matches
/// in the same field. A group's marks are the union of its clauses' rows, so such a clause adds nothing, while walking a
/// phrase over the index costs much. With synonyms a group has many: the bigram phrase of オンライン化 is within that of
/// オンライン, the phrase ウェブ サイト (in the body) within the word サイト there.
/// </summary>
/// <remarks>
/// Only what follows from the phrases' definitions counts: a phrase (exact or sloppy) is within a word of it searched
/// alone in the same field (every row with the phrase has each of its words); an exact phrase is within another exact
/// phrase whose words it has at the same distances. Clauses of the same words at the same places are one clause.
/// </remarks>
internal static class RedundantClauses
{
    /// <summary>The clauses, in their order, without repeats and without those within another of them or within one of
    /// <paramref name="marked"/> (clauses whose rows are marked already).</summary>
    /// <remarks>Loops, not LINQ: a question's groups run this for each of their disjunctions.</remarks>
    public static List<Query> Drop(IEnumerable<Query> clauses, IEnumerable<Query>? marked = null)
    {
        var kept = new List<(Query Clause, Shape? Shape)>();
        var seen = new HashSet<Shape>();
        var covering = new List<Shape>();
        foreach (var clause in clauses)
        {
            var shape = Shape.Of(clause);
            if (shape is not null && !seen.Add(shape)) continue;
            kept.Add((clause, shape));
            if (shape is not null) covering.Add(shape);
        }
        foreach (var clause in marked ?? [])
        {
            if (Shape.Of(clause) is { } shape) covering.Add(shape);
        }
        var result = new List<Query>(kept.Count);
        foreach (var (clause, shape) in kept)
        {
            if (shape is null || !IsWithinAnother(shape, covering)) result.Add(clause);
        }
        return result;
    }

    private static bool IsWithinAnother(Shape shape, List<Shape> covering)
    {
        foreach (var other in covering)
        {
            if (!other.Equals(shape) && other.Covers(shape)) return true;
        }
        return false;
    }

    /// <summary>A term or phrase clause as what it matches: its field, its words with their places (from 0), its slop.
    /// The boost does not change the rows; a one-word phrase matches as the word does, whatever its slop. Two shapes
    /// are equal when they match the same rows by their definition.</summary>
    private sealed class Shape : IEquatable<Shape>
    {
        private readonly int _hash;

        private Shape(string field, (string Word, int Place)[] words, int slop)
        {
            Field = field;
            Words = words;
            Slop = words.Length == 1 ? 0 : slop;
            var hash = new HashCode();
            hash.Add(Field);
            hash.Add(Slop);
            foreach (var word in words) hash.Add(word);
            _hash = hash.ToHashCode();
        }

        public string Field { get; }

        /// <summary>By place, then by word (ordinal).</summary>
        public (string Word, int Place)[] Words { get; }

        public int Slop { get; }

        public static Shape? Of(Query clause)
        {
            switch (clause)
            {
                case TermQuery term:
                    return new Shape(term.Term.Field, [(TermText.Of(term.Term), 0)], 0);
                case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && InOneField(terms):
                    var positions = phrase.GetPositions();
                    var first = int.MaxValue;
                    foreach (var position in positions) first = Math.Min(first, position);
                    var words = new (string Word, int Place)[terms.Length];
                    for (var i = 0; i < terms.Length; i++) words[i] = (TermText.Of(terms[i]), positions[i] - first);
                    Array.Sort(words, static (a, b) => a.Place != b.Place ? a.Place.CompareTo(b.Place) : string.CompareOrdinal(a.Word, b.Word));
                    return new Shape(terms[0].Field, words, phrase.Slop);
                default:
                    return null;
            }
        }

        private static bool InOneField(Lucene.Net.Index.Term[] terms)
        {
            foreach (var term in terms)
            {
                if (term.Field != terms[0].Field) return false;
            }
            return true;
        }

        /// <summary>Whether every row <paramref name="other"/> matches is a row this matches.</summary>
        public bool Covers(Shape other)
        {
            if (Field != other.Field) return false;
            // A word: every row of a phrase with that word has it.
            if (Words.Length == 1) return Has(other.Words, Words[0].Word);
            // An exact phrase within another exact phrase: its words at the same distances, somewhere in it.
            if (Slop != 0 || other.Slop != 0 || Words.Length > other.Words.Length) return false;
            foreach (var anchor in other.Words)
            {
                if (anchor.Word == Words[0].Word && HasAll(other.Words, anchor.Place - Words[0].Place)) return true;
            }
            return false;
        }

        /// <summary>Whether <paramref name="words"/> has each of this shape's words, shifted by <paramref name="shift"/> places.</summary>
        private bool HasAll((string Word, int Place)[] words, int shift)
        {
            foreach (var (word, place) in Words)
            {
                if (Array.IndexOf(words, (word, place + shift)) < 0) return false;
            }
            return true;
        }

        private static bool Has((string Word, int Place)[] words, string word)
        {
            foreach (var w in words)
            {
                if (w.Word == word) return true;
            }
            return false;
        }

        public bool Equals(Shape? other) =>
            other is not null && _hash == other._hash && Slop == other.Slop && Field == other.Field && Words.AsSpan().SequenceEqual(other.Words);

        public override bool Equals(object? obj) => Equals(obj as Shape);

        public override int GetHashCode() => _hash;
    }
}
