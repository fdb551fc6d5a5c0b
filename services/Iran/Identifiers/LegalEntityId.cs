namespace CityEServices.Iran;

/// <summary>
/// شناسه ملی: the 11-digit national identifier of an organisation (company, institution, agency).
/// </summary>
[ValidatedValue("Legal-entity ID", StoresText = true)]
public readonly partial record struct LegalEntityId
{
    public const int Length = 11;

    private static ReadOnlySpan<int> Weights => [29, 27, 23, 19, 17];

    /// <summary>The rule, on text already digit-folded and not empty; the canonical form is 11 ASCII digits.</summary>
    private static string? Read(string text, out LegalEntityId value)
    {
        value = default;
        if (!Digits.AreAscii(text))
        {
            return "Legal-entity ID must contain only digits.";
        }

        // No padding here, unlike national IDs: these codes never start with zero in practice, so
        // a short one is a typing mistake rather than a number that lost its zeros.
        if (text.Length != Length)
        {
            return $"Legal-entity ID must be 11 digits; got {text.Length}.";
        }

        if (!text.AsSpan().ContainsAnyExcept('0'))
        {
            return "Legal-entity ID cannot be all zeros.";
        }

        if (!HasValidCheckDigit(text))
        {
            return "Legal-entity ID check digit does not match.";
        }

        value = new LegalEntityId(text);
        return null;
    }

    private static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var offset = Digits.At(digits, 9) + 2;
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += (Digits.At(digits, i) + offset) * Weights[i % 5];
        }

        var remainder = sum % 11;
        return Digits.At(digits, 10) == (remainder == 10 ? 0 : remainder);
    }
}
