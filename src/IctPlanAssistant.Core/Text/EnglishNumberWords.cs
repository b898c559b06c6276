namespace IctPlanAssistant.Text;

/// <summary>English numbers written as words (three, twelve), as questions and answers say counts: one table for every reader.</summary>
public static class EnglishNumberWords
{
    private static readonly Dictionary<string, int> Values = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18,
        ["nineteen"] = 19, ["twenty"] = 20,
    };

    /// <summary>The number a word names (three: 3, Twelve: 12), from one to twenty.</summary>
    public static int ValueOf(string word) => Values[word];
}
