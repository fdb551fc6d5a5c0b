using System.Globalization;

namespace CityEServices.Archive.Features.Documents;

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
        else if (source is DocumentSource.System or DocumentSource.CitizenUpload)
        {
            errors.Add("source", source == DocumentSource.System
                ? "System records are made by the archive itself, not uploaded."
                : "A citizen's upload is marked so by the archive from their token; do not send it as the source.");
        }

        var fileNumber = FileNumbers.ReadOptional(Field("fileNumber"), "fileNumber", errors);

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

        return errors.Result(() => new UploadMetadata(category!, renovationCode, district, fileNumber, title!, source, scannedAt));
    }

    /// <summary>
    /// Null when the upload may go into <paramref name="dossier"/> (the dossier of its file number, if
    /// any): an office scan needs its file's dossier (404 until urban planning's opening has arrived),
    /// the caller must be allowed to archive there (403), and a renovation code sent along must be the
    /// dossier's property (400).
    /// </summary>
    public Problem? CheckDossier(Dossier? dossier, Caller caller)
    {
        if (dossier is null && FileNumber is not null && Source == DocumentSource.OfficeScan)
        {
            // Office scans are filed in the dossier urban planning opened; legacy scans may predate it.
            return Problem.NotFound("Dossier not found.", $"The archive has no dossier for file {FileNumber} (yet).");
        }

        if (DocumentAccessRules.CanUpload(caller, Source, dossier) is { } refusal)
        {
            return refusal;
        }

        return dossier is not null && RenovationCode is not null && RenovationCode != dossier.RenovationCode
            ? Problem.Invalid("renovationCode", $"File {dossier.FileNumber} is for property {dossier.RenovationCode}.")
            : null;
    }

    /// <summary>
    /// The record's description once the file's dossier (if any) is known: the dossier's property and
    /// district win over what the upload said; without a dossier, the renovation code's district, else
    /// the file number's.
    /// </summary>
    public DocumentDescription Describe(Dossier? dossier) => new(
        Category,
        Title,
        FileNumber,
        dossier?.RenovationCode ?? RenovationCode,
        dossier?.District ?? RenovationDistrict ?? (FileNumber is { } file ? FileNumbers.DistrictOf(file) : null),
        Source,
        ScannedAt);

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
