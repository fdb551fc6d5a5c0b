using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// An e-service office's code: 1 to 12 ASCII letters and digits, stored upper-case so that <c>th0042</c> and
/// <c>TH0042</c> are the same office in routes, tokens (<c>office_code</c>) and events.
/// </summary>
[JsonConverter(typeof(ValidatedValueJsonConverter<OfficeCode>))]
public readonly record struct OfficeCode : IValidatedValue<OfficeCode>
{
    public const int MaxLength = 12;

    private readonly string? _value;

    private OfficeCode(string value) => _value = value;

    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;

    public static OfficeCode Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException(error);

    public static OfficeCode Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? input, out OfficeCode value) => TryParse(input, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OfficeCode result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, out OfficeCode value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "Office code is required.";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"Office code must be at most {MaxLength} letters and digits; got {text.Length} characters.";
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                error = "Office code may contain only the letters A–Z and the digits 0–9.";
                return false;
            }
        }

        value = new OfficeCode(text.ToUpperInvariant());
        error = null;
        return true;
    }
}
