namespace CityEServices.UrbanPlanning.Domain;

/// <summary>
/// Codes people copy by hand (tracking codes, document numbers): Persian digits folded, the spaces and
/// hyphens they group long codes with skipped, and every other character read through the code's alphabet.
/// </summary>
internal static class TypedCode
{
    /// <summary>Fills <paramref name="values"/> exactly; false for a symbol outside the alphabet or a wrong length.</summary>
    public static bool TryRead(string? input, Span<int> values, Func<char, int> valueOf)
    {
        var text = PersianText.NormalizeDigits(input);
        // Generous for any grouping, and keeps a pasted page from being walked.
        if (string.IsNullOrEmpty(text) || text.Length > 4 * values.Length)
        {
            return false;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (c is '-' or ' ')
            {
                continue;
            }

            var value = valueOf(c);
            if (value < 0 || count == values.Length)
            {
                return false;
            }

            values[count++] = value;
        }

        return count == values.Length;
    }

    /// <summary>The canonical text: each value's symbol in <paramref name="alphabet"/>.</summary>
    public static string Write(ReadOnlySpan<int> values, string alphabet)
    {
        Span<char> symbols = stackalloc char[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            symbols[i] = alphabet[values[i]];
        }

        return new string(symbols);
    }
}
