namespace IctPlanAssistant.Search.Querying;

/// <summary>How many of the plan's rows have words: what tells homophones apart (<see cref="Homophones"/>).</summary>
public interface IWordRows
{
    /// <summary>How many rows the plan has.</summary>
    int Rows { get; }

    /// <summary>How many rows have the word, at most.</summary>
    int RowsWith(string word);

    /// <summary>How many rows have both words, counted up to <paramref name="atMost"/>.</summary>
    int RowsWithBoth(string word, string other, int atMost);
}
