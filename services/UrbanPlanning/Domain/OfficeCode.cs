using System.Diagnostics.CodeAnalysis;

namespace CityEServices.UrbanPlanning.Domain;

/// <summary>An e-service office's code: English letters and digits, up to 12, upper case (as Identity stores it in the office_code claim).</summary>
public static class OfficeCode
{
    public const int MaxLength = 12;

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "Office code is required.";
            return false;
        }

        if (text.Length > MaxLength || !text.All(char.IsAsciiLetterOrDigit))
        {
            error = $"Office code must be 1–{MaxLength} English letters or digits.";
            return false;
        }

        code = text.ToUpperInvariant();
        error = null;
        return true;
    }
}
