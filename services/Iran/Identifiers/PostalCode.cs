using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// کد پستی: the 10-digit Iranian postal code. Accepts the printed form <c>12345-67890</c>.
/// </summary>
/// <remarks>
/// Only the length and the digits are checked: the post office publishes no check digit, and the
/// folklore rules about which digits may appear are not reliable enough to reject a citizen's address.
/// </remarks>
[JsonConverter(typeof(ValidatedValueJsonConverter<PostalCode>))]
public readonly record struct PostalCode : IValidatedValue<PostalCode>
{
    public const int Length = 10;

    private readonly string? _value;

    private PostalCode(string value) => _value = value;

    /// <summary>Canonical form: 10 ASCII digits, no hyphen.</summary>
    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;

    /// <summary>Returns why <paramref name="input"/> is not a valid postal code, or null when it is.</summary>
    public static string? Validate(string? input) => TryParse(input, out _, out var error) ? null : error;

    public static PostalCode Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException(error);

    public static PostalCode Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? input, out PostalCode value) =>
        TryParse(input, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PostalCode result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, out PostalCode value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "Postal code is required.";
            return false;
        }

        if (text.Length == Length + 1 && text[5] == '-')
        {
            text = string.Concat(text.AsSpan(0, 5), text.AsSpan(6));
        }

        if (!Digits.AreAscii(text))
        {
            error = "Postal code must contain only digits (one hyphen after the fifth digit is allowed).";
            return false;
        }

        if (text.Length != Length)
        {
            error = $"Postal code must be 10 digits; got {text.Length}.";
            return false;
        }

        value = new PostalCode(text);
        error = null;
        return true;
    }
}
