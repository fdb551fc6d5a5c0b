using System.Diagnostics.CodeAnalysis;
using CityEServices.Iran;

namespace CityEServices.Archive.Domain;

/// <summary>Urban-planning file numbers as the archive sees them: 2-digit district 01–22 and a 9-digit sequence.</summary>
public static class FileNumbers
{
    public const int Length = 11;

    public static bool IsWellFormed([NotNullWhen(true)] string? fileNumber) =>
        fileNumber is { Length: Length }
        && !fileNumber.AsSpan().ContainsAnyExceptInRange('0', '9')
        && int.Parse(fileNumber.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 22;

    /// <summary>Persian digits and stray whitespace accepted; null when it is not a file number.</summary>
    public static string? Normalize(string? input)
    {
        var text = PersianText.NormalizeDigits(input);
        return IsWellFormed(text) ? text : null;
    }
}
