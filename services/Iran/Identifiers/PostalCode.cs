namespace CityEServices.Iran;

/// <summary>
/// کد پستی: the 10-digit Iranian postal code. Accepts the printed form <c>12345-67890</c>.
/// </summary>
/// <remarks>
/// Only the length and the digits are checked: the post office publishes no check digit, and the
/// folklore rules about which digits may appear are not reliable enough to reject a citizen's address.
/// </remarks>
[ValidatedValue("Postal code", StoresText = true)]
public readonly partial record struct PostalCode
{
    public const int Length = 10;

    /// <summary>The rule, on text already digit-folded and not empty; the canonical form is 10 ASCII digits, no hyphen.</summary>
    private static string? Read(string text, out PostalCode value)
    {
        value = default;
        if (text.Length == Length + 1 && text[5] == '-')
        {
            text = string.Concat(text.AsSpan(0, 5), text.AsSpan(6));
        }

        if (!Digits.AreAscii(text))
        {
            return "Postal code must contain only digits (one hyphen after the fifth digit is allowed).";
        }

        if (text.Length != Length)
        {
            return $"Postal code must be 10 digits; got {text.Length}.";
        }

        value = new PostalCode(text);
        return null;
    }
}
