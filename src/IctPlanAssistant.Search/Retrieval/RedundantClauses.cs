using System.Globalization;
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
    public static List<Query> Drop(IEnumerable<Query> clauses, IEnumerable<Query>? marked = null)
    {
        var kept = new List<(Query Clause, Shape? Shape)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            var shape = Shape.Of(clause);
            if (shape is not null && !seen.Add(shape.Key)) continue;
            kept.Add((clause, shape));
        }
        var covering = kept.Select(k => k.Shape).Concat((marked ?? []).Select(Shape.Of)).OfType<Shape>().ToList();
        return kept.Where(k => k.Shape is not { } shape || !covering.Any(other => other.Key != shape.Key && other.Covers(shape)))
            .Select(k => k.Clause).ToList();
    }

    /// <summary>A term or phrase clause as what it matches: its field, its words with their places (from 0), its slop.
    /// The boost does not change the rows; a one-word phrase matches as the word does, whatever its slop.</summary>
    private sealed class Shape
    {
        private Shape(string field, (string Word, int Place)[] words, int slop)
        {
            Field = field;
            Words = words;
            Slop = words.Length == 1 ? 0 : slop;
            Key = string.Join('\u0001', words.Select(w => w.Word + '\u0002' + w.Place.ToString(CultureInfo.InvariantCulture))) + '\u0003' + Slop.ToString(CultureInfo.InvariantCulture) + '\u0003' + field;
        }

        public string Field { get; }

        public (string Word, int Place)[] Words { get; }

        public int Slop { get; }

        /// <summary>The same for clauses that match the same rows by their definition.</summary>
        public string Key { get; }

        public static Shape? Of(Query clause)
        {
            switch (clause)
            {
                case TermQuery term:
                    return new Shape(term.Term.Field, [(term.Term.Text, 0)], 0);
                case PhraseQuery phrase when phrase.GetTerms() is { Length: > 0 } terms && terms.All(t => t.Field == terms[0].Field):
                    var positions = phrase.GetPositions();
                    var first = positions.Min();
                    var words = terms.Select((t, i) => (t.Text, positions[i] - first))
                        .OrderBy(w => w.Item2).ThenBy(w => w.Text, StringComparer.Ordinal).ToArray();
                    return new Shape(terms[0].Field, words, phrase.Slop);
                default:
                    return null;
            }
        }

        /// <summary>Whether every row <paramref name="other"/> matches is a row this matches.</summary>
        public bool Covers(Shape other)
        {
            if (Field != other.Field) return false;
            // A word: every row of a phrase with that word has it.
            if (Words.Length == 1) return other.Words.Any(w => w.Word == Words[0].Word);
            // An exact phrase within another exact phrase: its words at the same distances, somewhere in it.
            if (Slop != 0 || other.Slop != 0 || Words.Length > other.Words.Length) return false;
            return other.Words.Where(w => w.Word == Words[0].Word)
                .Any(anchor => Words.All(mine => other.Words.Contains((mine.Word, mine.Place - Words[0].Place + anchor.Place))));
        }
    }
}
