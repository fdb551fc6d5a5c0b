namespace CityEServices.Iran;

/// <summary>
/// کد ملی: the 10-digit national identification code of a person. Only valid codes exist as values;
/// <c>default</c> is the one exception and renders as an empty string.
/// </summary>
[ValidatedValue("National ID", StoresText = true)]
public readonly partial record struct NationalId
{
    public const int Length = 10;

    /// <summary>The rule, on text already digit-folded and not empty; the canonical form is 10 ASCII digits, leading zeros kept.</summary>
    private static string? Read(string text, out NationalId value)
    {
        value = default;
        // The card prints the code as 123-456789-0; accept exactly that layout, nothing looser.
        if (text.Length == 12 && text[3] == '-' && text[10] == '-')
        {
            text = string.Concat(text.AsSpan(0, 3), text.AsSpan(4, 6), text.AsSpan(11, 1));
        }

        if (!Digits.AreAscii(text))
        {
            return "National ID must contain only digits.";
        }

        // Codes starting with zeros are often stored as numbers somewhere upstream and lose them.
        if (text.Length is 8 or 9)
        {
            text = text.PadLeft(Length, '0');
        }

        if (text.Length != Length)
        {
            return $"National ID must be 10 digits (8 or 9 digits are left-padded with zeros); got {text.Length}.";
        }

        if (Digits.AllSame(text))
        {
            return "National ID cannot be one digit repeated.";
        }

        if (!HasValidCheckDigit(text))
        {
            return "National ID check digit does not match.";
        }

        value = new NationalId(text);
        return null;
    }

    private static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Digits.At(digits, i) * (10 - i);
        }

        var remainder = sum % 11;
        var expected = remainder < 2 ? remainder : 11 - remainder;
        return Digits.At(digits, 9) == expected;
    }
}
