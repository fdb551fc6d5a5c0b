using System.Globalization;
using CityEServices.Archive.Domain;
using CityEServices.Iran;
using CityEServices.Web.Problems;

namespace CityEServices.Archive.Ingest;

/// <summary>The metadata fields of an upload, checked: a known category, a well-formed file number and/or renovation code, a title.</summary>
public sealed record UploadMetadata(
    string Category,
    string? RenovationCode,
    int? RenovationDistrict,
    string? FileNumber,
    string Title,
    DocumentSource Source,
    DateTimeOffset? ScannedAt)
{
    public const int MaxTitleLength = 300;

    public static Validated<UploadMetadata> From(IReadOnlyDictionary<string, string> fields)
    {
        var errors = new ValidationErrors();
        string? Field(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var category = Field("category");
        if (ClassificationScheme.Find(category) is null)
        {
            errors.Add("category", category is null
                ? "Category is required."
                : $"'{category}' is not a category of the classification scheme (GET /api/archive/categories).");
        }

        var source = DocumentSource.OfficeScan;
        if (Field("source") is { } sourceText && !Enum.TryParse(sourceText, ignoreCase: true, out source) || !Enum.IsDefined(source))
        {
            errors.Add("source", "Source must be OfficeScan or LegacyImport.");
        }
        else if (source == DocumentSource.System)
        {
            errors.Add("source", "System records are made by the archive itself, not uploaded.");
        }

        string? fileNumber = null;
        if (Field("fileNumber") is { } fileText)
        {
            fileNumber = FileNumbers.Normalize(fileText);
            errors.AddIf("fileNumber", fileNumber is null ? "File number must be 11 digits: a district 01–22 and a 9-digit sequence." : null);
        }

        string? renovationCode = null;
        int? district = null;
        if (Field("renovationCode") is { } codeText)
        {
            if (Iran.RenovationCode.TryParse(codeText, out var code, out var error))
            {
                renovationCode = code.Value;
                district = code.District;
            }
            else
            {
                errors.Add("renovationCode", error);
            }
        }

        if (Field("fileNumber") is null && Field("renovationCode") is null)
        {
            errors.Add("fileNumber", "A file number or a renovation code is required.");
        }
        else if (source == DocumentSource.OfficeScan && Field("fileNumber") is null)
        {
            errors.Add("fileNumber", "An office scan belongs to an urban-planning file: the file number is required.");
        }

        var title = errors.RequiredText(Field("title"), "title", "Title", MaxTitleLength);

        DateTimeOffset? scannedAt = null;
        if ((Field("scannedDate") ?? Field("scannedAt")) is { } scannedText)
        {
            scannedAt = ParseScanned(scannedText);
            errors.AddIf("scannedDate", scannedAt is null ? "Scanned date must be an ISO date (2025-11-29), an ISO instant, or a Solar Hijri date (1404/09/08)." : null);
        }

        return errors.IsEmpty
            ? Validated<UploadMetadata>.Valid(new UploadMetadata(category!, renovationCode, district, fileNumber, title!, source, scannedAt))
            : Validated<UploadMetadata>.Invalid(errors);
    }

    /// <summary>ISO instants and dates, or Solar Hijri dates as the scanning staff wrote them; a bare date is midnight in Tehran.</summary>
    public static DateTimeOffset? ParseScanned(string text)
    {
        var normalized = PersianText.NormalizeDigits(text.Trim())!;
        if (DateOnly.TryParseExact(normalized, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var isoDate) && isoDate.Year >= 1700)
        {
            return AtTehranMidnight(isoDate);
        }

        if (SolarHijri.TryParseDate(normalized, out var jalali))
        {
            return AtTehranMidnight(jalali);
        }

        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    private static DateTimeOffset AtTehranMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, SolarHijri.Tehran.GetUtcOffset(local)).ToUniversalTime();
    }
}
