namespace IctPlanAssistant.Search.Retrieval;

/// <summary>
/// The k-th largest of many values, in linear time: where the gate needs only the level its best k rows reach, counting
/// the rows of each level in a dictionary and sorting the levels cost a hash per row, which over a broad question's
/// tens of thousands of candidates was a millisecond or two at 100k rows.
/// </summary>
internal static class Selection
{
    /// <summary>The <paramref name="k"/>-th largest value (1 is the largest; equal values each count), for 1 ≤ k ≤ the
    /// number of values. The values are reordered.</summary>
    public static T KthLargest<T>(Span<T> values, int k) where T : IComparable<T>
    {
        if (k < 1 || k > values.Length) throw new ArgumentOutOfRangeException(nameof(k));
        // The k-th largest is the (n - k)-th smallest, counted from 0: Hoare's quickselect with a median-of-three pivot.
        var target = values.Length - k;
        int low = 0, high = values.Length - 1;
        while (low < high)
        {
            var pivot = MedianOfThree(values[low], values[low + (high - low) / 2], values[high]);
            int i = low, j = high;
            while (i <= j)
            {
                while (values[i].CompareTo(pivot) < 0) i++;
                while (values[j].CompareTo(pivot) > 0) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            // Now values[low..j] ≤ pivot ≤ values[i..high], and the values between j and i equal the pivot.
            if (target <= j) high = j;
            else if (target >= i) low = i;
            else return values[target];
        }
        return values[target];
    }

    private static T MedianOfThree<T>(T a, T b, T c) where T : IComparable<T>
    {
        if (a.CompareTo(b) > 0) (a, b) = (b, a);
        if (b.CompareTo(c) > 0) (b, c) = (c, b);
        if (a.CompareTo(b) > 0) (a, b) = (b, a);
        return b;
    }
}
