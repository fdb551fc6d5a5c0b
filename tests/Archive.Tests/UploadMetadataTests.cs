using CityEServices.Archive.Domain;
using CityEServices.Archive.Features.Documents;

namespace CityEServices.Archive.Tests;

/// <summary>What an upload's fields must say, and where the upload may go once its file's dossier is known.</summary>
public class UploadMetadataTests
{
    private static UploadMetadata Valid(params (string Name, string Value)[] fields)
    {
        var validated = UploadMetadata.From(fields.ToDictionary(f => f.Name, f => f.Value));
        Assert.True(validated.IsValid, string.Join("; ", validated.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
        return validated.Value!;
    }

    private static Dictionary<string, string[]> Errors(params (string Name, string Value)[] fields) =>
        UploadMetadata.From(fields.ToDictionary(f => f.Name, f => f.Value)).Errors;

    [Fact]
    public void An_office_scan_names_its_category_file_and_title_and_is_normalised()
    {
        var metadata = Valid(("category", "OWNERSHIP_DEED"), ("fileNumber", "۰۵۰۰۰۰۰۰۰۰۱"), ("title", "سند مالكيت"));

        Assert.Equal(DocumentSource.OfficeScan, metadata.Source);
        Assert.Equal("05000000001", metadata.FileNumber);
        Assert.Equal("سند مالکیت", metadata.Title);
    }

    [Fact]
    public void Every_missing_or_wrong_field_is_reported_at_once()
    {
        var errors = Errors(("category", "NOT_A_CATEGORY"), ("fileNumber", "99"), ("source", "System"), ("scannedDate", "yesterday"));

        Assert.Equal(["category", "fileNumber", "scannedDate", "source", "title"], errors.Keys.Order());
    }

    [Fact]
    public void An_office_scan_needs_a_file_number_but_a_legacy_scan_may_name_only_its_property()
    {
        Assert.Contains("fileNumber", Errors(("category", "SITE_PLAN"), ("renovationCode", "13-4-5-1-0-0-0"), ("title", "نقشه")).Keys);

        var legacy = Valid(("category", "LEGACY_SCAN"), ("renovationCode", "13-04-5-1-0-0-0"), ("title", "پرونده قدیمی"), ("source", "legacyimport"));

        Assert.Equal(DocumentSource.LegacyImport, legacy.Source);
        Assert.Equal("13-4-5-1-0-0-0", legacy.RenovationCode);
        Assert.Equal(13, legacy.Describe(dossier: null).District);
    }

    [Theory]
    [InlineData("1404/09/08")]
    [InlineData("۱۴۰۴/۰۹/۰۸")]
    [InlineData("2025-11-29")]
    public void A_scan_date_is_midnight_in_Tehran_whichever_calendar_it_was_written_in(string text)
    {
        Assert.Equal(new DateTimeOffset(2025, 11, 28, 20, 30, 0, TimeSpan.Zero), UploadMetadata.ParseScanned(text));
    }

    [Fact]
    public void A_scan_instant_keeps_its_time()
    {
        Assert.Equal(new DateTimeOffset(2025, 11, 29, 6, 30, 0, TimeSpan.Zero), UploadMetadata.ParseScanned("2025-11-29T10:00:00+03:30"));
    }

    [Fact]
    public void An_office_scan_whose_file_has_no_dossier_yet_is_a_404_before_any_other_check()
    {
        var metadata = Valid(("category", "SITE_PLAN"), ("fileNumber", "05000000001"), ("title", "نقشه"));

        var problem = metadata.CheckDossier(dossier: null, Callers.Operator("OFC6"));

        Assert.Equal(404, problem?.Status);
    }

    [Fact]
    public void An_operator_may_file_only_in_their_offices_dossier_and_only_for_its_property()
    {
        var dossier = Documents.Dossier(officeCode: "OFC5", renovationCode: "5-2-3-4-0-0-0");
        var metadata = Valid(("category", "SITE_PLAN"), ("fileNumber", "05000000001"), ("title", "نقشه"));
        var otherProperty = Valid(("category", "SITE_PLAN"), ("fileNumber", "05000000001"), ("renovationCode", "5-2-3-9-0-0-0"), ("title", "نقشه"));

        Assert.Null(metadata.CheckDossier(dossier, Callers.Operator("OFC5")));
        Assert.Equal(DossierAccessRules.NotDossierOffice, metadata.CheckDossier(dossier, Callers.Operator("OFC6"))?.Reason);
        var mismatch = otherProperty.CheckDossier(dossier, Callers.Operator("OFC5"));
        Assert.Equal(400, mismatch?.Status);
        Assert.Contains("renovationCode", mismatch!.Errors!.Keys);
    }

    [Fact]
    public void A_legacy_scan_may_name_a_file_the_archive_has_no_dossier_for_but_only_an_archivist_imports_it()
    {
        var legacy = Valid(("category", "LEGACY_SCAN"), ("fileNumber", "13000000001"), ("title", "پرونده قدیمی"), ("source", "LegacyImport"));

        Assert.Null(legacy.CheckDossier(dossier: null, Callers.Archivist));
        Assert.Equal(DocumentAccessRules.LegacyImportNotAllowed, legacy.CheckDossier(dossier: null, Callers.Operator("OFC13"))?.Reason);
        Assert.Equal(13, legacy.Describe(dossier: null).District);
    }

    [Fact]
    public void The_dossiers_property_and_district_win_over_what_the_upload_said()
    {
        var dossier = Documents.Dossier(renovationCode: "5-2-3-4-0-0-0", district: 5);
        var metadata = Valid(("category", "SITE_PLAN"), ("fileNumber", "05000000001"), ("title", "نقشه"));

        var description = metadata.Describe(dossier);

        Assert.Equal("5-2-3-4-0-0-0", description.RenovationCode);
        Assert.Equal(5, description.District);
        Assert.Equal("05000000001", description.FileNumber);
    }
}
