using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// شناسه ملی: the 11-digit national identifier of an organisation (company, institution, agency).
/// </summary>
[JsonConverter(typeof(ValidatedValueJsonConverter<LegalEntityId>))]
public readonly record struct LegalEntityId : IValidatedValue<LegalEntityId>
{
    public const int Length = 11;

    private static ReadOnlySpan<int> Weights => [29, 27, 23, 19, 17];

    private readonly string? _value;

    private LegalEntityId(string value) => _value = value;

    /// <summary>Canonical form: 11 ASCII digits.</summary>
    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;

    /// <summary>Returns why <paramref name="input"/> is not a valid legal-entity ID, or null when it is.</summary>
    public static string? Validate(string? input) => TryParse(input, out _, out var error) ? null : error;

    public static LegalEntityId Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException(error);

    public static LegalEntityId Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? input, out LegalEntityId value) =>
        TryParse(input, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out LegalEntityId result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, out LegalEntityId value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "Legal-entity ID is required.";
            return false;
        }

        if (!Digits.AreAscii(text))
        {
            error = "Legal-entity ID must contain only digits.";
            return false;
        }

        // No padding here, unlike national IDs: these codes never start with zero in practice, so
        // a short one is a typing mistake rather than a number that lost its zeros.
        if (text.Length != Length)
        {
            error = $"Legal-entity ID must be 11 digits; got {text.Length}.";
            return false;
        }

        if (!text.AsSpan().ContainsAnyExcept('0'))
        {
            error = "Legal-entity ID cannot be all zeros.";
            return false;
        }

        if (!HasValidCheckDigit(text))
        {
            error = "Legal-entity ID check digit does not match.";
            return false;
        }

        value = new LegalEntityId(text);
        error = null;
        return true;
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
