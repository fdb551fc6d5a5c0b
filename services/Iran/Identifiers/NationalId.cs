using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// کد ملی: the 10-digit national identification code of a person. Only valid codes exist as values;
/// <c>default</c> is the one exception and renders as an empty string.
/// </summary>
[JsonConverter(typeof(ValidatedValueJsonConverter<NationalId>))]
public readonly record struct NationalId : IValidatedValue<NationalId>
{
    public const int Length = 10;

    private readonly string? _value;

    private NationalId(string value) => _value = value;

    /// <summary>Canonical form: 10 ASCII digits, leading zeros kept.</summary>
    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;

    /// <summary>Returns why <paramref name="input"/> is not a valid national ID, or null when it is.</summary>
    public static string? Validate(string? input) => TryParse(input, out _, out var error) ? null : error;

    public static NationalId Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException(error);

    public static NationalId Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? input, out NationalId value) =>
        TryParse(input, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out NationalId result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, out NationalId value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "National ID is required.";
            return false;
        }

        // The card prints the code as 123-456789-0; accept exactly that layout, nothing looser.
        if (text.Length == 12 && text[3] == '-' && text[10] == '-')
        {
            text = string.Concat(text.AsSpan(0, 3), text.AsSpan(4, 6), text.AsSpan(11, 1));
        }

        if (!Digits.AreAscii(text))
        {
            error = "National ID must contain only digits.";
            return false;
        }

        // Codes starting with zeros are often stored as numbers somewhere upstream and lose them.
        if (text.Length is 8 or 9)
        {
            text = text.PadLeft(Length, '0');
        }

        if (text.Length != Length)
        {
            error = $"National ID must be 10 digits (8 or 9 digits are left-padded with zeros); got {text.Length}.";
            return false;
        }

        if (Digits.AllSame(text))
        {
            error = "National ID cannot be one digit repeated.";
            return false;
        }

        if (!HasValidCheckDigit(text))
        {
            error = "National ID check digit does not match.";
            return false;
        }

        value = new NationalId(text);
        error = null;
        return true;
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
