using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CityEServices.Iran;

/// <summary>
/// An Iranian mobile number. Accepts <c>09121234567</c>, <c>9121234567</c>, <c>989121234567</c>,
/// <c>+989121234567</c> and <c>00989121234567</c>, with spaces or hyphens and Persian digits.
/// </summary>
[JsonConverter(typeof(ValidatedValueJsonConverter<MobileNumber>))]
public readonly record struct MobileNumber : IValidatedValue<MobileNumber>
{
    public const string CountryPrefix = "+98";

    // The national significant number: 9 followed by nine digits.
    private const int SubscriberLength = 10;

    private readonly string? _value;

    private MobileNumber(string value) => _value = value;

    /// <summary>Canonical form: E.164, <c>+989xxxxxxxxx</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Domestic form <c>09xxxxxxxxx</c>, which Iranian SMS gateways and people expect.</summary>
    public string Local => _value is null ? string.Empty : string.Concat("0", _value.AsSpan(CountryPrefix.Length));

    public override string ToString() => Value;

    /// <summary>Returns why <paramref name="input"/> is not a valid mobile number, or null when it is.</summary>
    public static string? Validate(string? input) => TryParse(input, out _, out var error) ? null : error;

    public static MobileNumber Parse(string input) =>
        TryParse(input, out var value, out var error) ? value : throw new FormatException(error);

    public static MobileNumber Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? input, out MobileNumber value) =>
        TryParse(input, out value, out _);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MobileNumber result) =>
        TryParse(s, out result, out _);

    public static bool TryParse([NotNullWhen(true)] string? input, out MobileNumber value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var text = PersianText.NormalizeDigits(input);
        if (string.IsNullOrEmpty(text))
        {
            error = "Mobile number is required.";
            return false;
        }

        if (text.AsSpan().ContainsAny(' ', '-'))
        {
            text = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        }

        var span = text.AsSpan();
        var hasPlus = span.StartsWith('+');
        if (hasPlus)
        {
            span = span[1..];
        }

        if (!Digits.AreAscii(span) || span.IsEmpty)
        {
            error = "Mobile number must contain only digits (with an optional leading +, spaces or hyphens).";
            return false;
        }

        // Mirrors ^(\+98|0098|98|0)?9\d{9}$: every prefix is fixed, so the length tells which one it is.
        var prefix = span[..^Math.Min(SubscriberLength, span.Length)];
        var prefixOk = hasPlus
            ? prefix.SequenceEqual("98")
            : prefix.IsEmpty || prefix.SequenceEqual("0") || prefix.SequenceEqual("98") || prefix.SequenceEqual("0098");
        var subscriber = span[prefix.Length..];
        if (!prefixOk || subscriber.Length != SubscriberLength || subscriber[0] != '9')
        {
            error = "Mobile number must be 9 followed by nine digits, optionally prefixed by 0, 98, +98 or 0098.";
            return false;
        }

        value = new MobileNumber(string.Concat(CountryPrefix, subscriber));
        error = null;
        return true;
    }
}
