namespace CityEServices.Iran;

/// <summary>
/// شبا: an Iranian IBAN, <c>IR</c> followed by 24 digits, checked with ISO 7064 MOD 97-10.
/// Accepts lowercase <c>ir</c>, spaces (the printed groups of four) and Persian digits.
/// </summary>
[ValidatedValue("Sheba", StoresText = true)]
public readonly partial record struct Sheba
{
    public const int Length = 26;

    private const string CountryCode = "IR";

    /// <summary>The rule, on text already digit-folded and not empty; the canonical form is <c>IR</c> and 24 ASCII digits, no spaces.</summary>
    private static string? Read(string text, out Sheba value)
    {
        value = default;
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            text = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        if (!text.StartsWith(CountryCode, StringComparison.OrdinalIgnoreCase))
        {
            return "Sheba must start with IR.";
        }

        var digits = text.AsSpan(CountryCode.Length);
        if (!Digits.AreAscii(digits) || digits.Length != Length - CountryCode.Length)
        {
            return "Sheba must be IR followed by 24 digits.";
        }

        if (Mod97(digits) != 1)
        {
            return "Sheba check digits do not match.";
        }

        value = new Sheba(string.Concat(CountryCode, digits));
        return null;
    }

    // ISO 13616: move country code and check digits to the end, letters become 10..35, the whole
    // number mod 97 must be 1. Folding digit by digit keeps it in an int; no BigInteger needed.
    private static int Mod97(ReadOnlySpan<char> digitsAfterCountry)
    {
        var remainder = 0;
        foreach (var c in digitsAfterCountry[2..])
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        // "IR" as letters: I = 18, R = 27.
        foreach (var c in "1827")
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        foreach (var c in digitsAfterCountry[..2])
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        return remainder;
    }
}
