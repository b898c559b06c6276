namespace IctPlanAssistant.Search.Querying;

/// <summary>English word forms a dictionary lists under another form.</summary>
internal static class EnglishForms
{
    /// <summary>The singulars a plural may stand for (robots → robot; libraries → library; boxes → box).</summary>
    public static IEnumerable<string> Singulars(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s')) yield break;
        if (word.EndsWith("ies", StringComparison.OrdinalIgnoreCase)) yield return word[..^3] + "y";
        if (word.EndsWith("es", StringComparison.OrdinalIgnoreCase)) yield return word[..^2];
        if (!word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)) yield return word[..^1];
    }
}
