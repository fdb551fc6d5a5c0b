namespace CityEServices.Iran;

/// <summary>
/// An e-service office's code: 1 to 12 ASCII letters and digits, stored upper-case so that <c>th0042</c> and
/// <c>TH0042</c> are the same office in routes, tokens (<c>office_code</c>) and events.
/// </summary>
[ValidatedValue("Office code", StoresText = true)]
public readonly partial record struct OfficeCode
{
    public const int MaxLength = 12;

    /// <summary>The rule, on text already digit-folded and not empty; the canonical form is upper-case ASCII letters and digits.</summary>
    private static string? Read(string text, out OfficeCode value)
    {
        value = default;
        if (text.Length > MaxLength)
        {
            return $"Office code must be at most {MaxLength} letters and digits; got {text.Length} characters.";
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return "Office code may contain only the letters A–Z and the digits 0–9.";
            }
        }

        value = new OfficeCode(text.ToUpperInvariant());
        return null;
    }
}
