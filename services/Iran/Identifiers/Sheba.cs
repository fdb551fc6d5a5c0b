using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// شبا: an Iranian IBAN, <c>IR</c> followed by 24 digits, checked with ISO 7064 MOD 97-10.
/// Accepts lowercase <c>ir</c>, spaces (the printed groups of four) and Persian digits.
/// </summary>
[JsonConverter(typeof(ValidatedValueJsonConverter<Sheba>))]
public readonly record struct Sheba : IValidatedValue<Sheba>
{
    public const int Length = 26;

    private const string CountryCode = "IR";

    private readonly string? _value;

    private Sheba(string value) => _value = value;

    /// <summary>Canonical form: <c>IR</c> and 24 ASCII digits, no spaces.</summary>
    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;

    /// <summary>Returns why <paramref name="input"/> is not a valid Sheba, or null when it is.</summary>
    public static string? Validate(string? input) => TryParse(input, out _, out var error) ? null : error;

    public static Sheba Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException(error);

    public static Sheba Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? input, out Sheba value) =>
        TryParse(input, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sheba result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, out Sheba value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "Sheba is required.";
            return false;
        }

        if (text.Contains(' ', StringComparison.Ordinal))
        {
            text = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        if (!text.StartsWith(CountryCode, StringComparison.OrdinalIgnoreCase))
        {
            error = "Sheba must start with IR.";
            return false;
        }

        var digits = text.AsSpan(CountryCode.Length);
        if (!Digits.AreAscii(digits) || digits.Length != Length - CountryCode.Length)
        {
            error = "Sheba must be IR followed by 24 digits.";
            return false;
        }

        if (Mod97(digits) != 1)
        {
            error = "Sheba check digits do not match.";
            return false;
        }

        value = new Sheba(string.Concat(CountryCode, digits));
        error = null;
        return true;
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
