namespace CityEServices.Iran;

/// <summary>
/// An Iranian mobile number. Accepts <c>09121234567</c>, <c>9121234567</c>, <c>989121234567</c>,
/// <c>+989121234567</c> and <c>00989121234567</c>, with spaces or hyphens and Persian digits.
/// </summary>
[ValidatedValue("Mobile number", StoresText = true)]
public readonly partial record struct MobileNumber
{
    public const string CountryPrefix = "+98";

    // The national significant number: 9 followed by nine digits.
    private const int SubscriberLength = 10;

    /// <summary>Domestic form <c>09xxxxxxxxx</c>, which Iranian SMS gateways and people expect.</summary>
    public string Local => _value is null ? string.Empty : string.Concat("0", _value.AsSpan(CountryPrefix.Length));

    /// <summary>The rule, on text already digit-folded and not empty; the canonical form is E.164, <c>+989xxxxxxxxx</c>.</summary>
    private static string? Read(string text, out MobileNumber value)
    {
        value = default;
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
            return "Mobile number must contain only digits (with an optional leading +, spaces or hyphens).";
        }

        // Mirrors ^(\+98|0098|98|0)?9\d{9}$: every prefix is fixed, so the length tells which one it is.
        var prefix = span[..^Math.Min(SubscriberLength, span.Length)];
        var prefixOk = hasPlus
            ? prefix.SequenceEqual("98")
            : prefix.IsEmpty || prefix.SequenceEqual("0") || prefix.SequenceEqual("98") || prefix.SequenceEqual("0098");
        var subscriber = span[prefix.Length..];
        if (!prefixOk || subscriber.Length != SubscriberLength || subscriber[0] != '9')
        {
            return "Mobile number must be 9 followed by nine digits, optionally prefixed by 0, 98, +98 or 0098.";
        }

        value = new MobileNumber(string.Concat(CountryPrefix, subscriber));
        return null;
    }
}
