using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CityEServices.Archive.Domain;

/// <summary>
/// Urban-planning file numbers as the archive reads them: a 2-digit district (01 to
/// <see cref="RenovationCode.MaxDistrict"/>) and a 9-digit sequence. Urban planning allocates them;
/// no shared library holds the rule yet, so the archive checks the shape it relies on (routing by
/// district, lookups by the canonical digits) and nothing more.
/// </summary>
public static class FileNumbers
{
    public const int Length = 11;

    public const string Malformed = "File number must be 11 digits: a district 01–22 and a 9-digit sequence.";

    public static bool IsWellFormed([NotNullWhen(true)] string? fileNumber) =>
        fileNumber is { Length: Length }
        && !fileNumber.AsSpan().ContainsAnyExceptInRange('0', '9')
        && DistrictOf(fileNumber) is >= 1 and <= RenovationCode.MaxDistrict;

    /// <summary>Persian digits and stray whitespace accepted; null when it is not a file number.</summary>
    public static string? Normalize(string? input)
    {
        var text = PersianText.NormalizeDigits(input);
        return IsWellFormed(text) ? text : null;
    }

    /// <summary>The district a well-formed file number belongs to: its first two digits.</summary>
    public static int DistrictOf(string fileNumber) => int.Parse(fileNumber.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an optional file-number field: null when it was left out, the canonical digits when it is
    /// one, and the field's error in <paramref name="errors"/> (and null) when it is not.
    /// </summary>
    public static string? ReadOptional(string? input, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var fileNumber = Normalize(input);
        errors.AddIf(field, fileNumber is null ? Malformed : null);
        return fileNumber;
    }
}
