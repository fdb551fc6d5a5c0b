using CityEServices.Archive.Domain;
using CityEServices.Contracts.Security;
using CityEServices.Web.Authorization;

namespace CityEServices.Archive.Tests;

/// <summary>Who may read dossiers and documents, archive, and manage holds, disposal and fixity; each refusal with its reason.</summary>
public class AccessRulesTests
{
    public static TheoryData<string, string?> DossierReaders => new()
    {
        { "archivist", null },
        { "admin", null },
        { "operator of the file's office (any case)", null },
        { "reviewer of the file's district", null },
        { "client with archive.read", null },
        { "operator of another office", DossierAccessRules.NotDossierOffice },
        { "reviewer of another district", OfficeAuthorizations.WrongDistrict },
        { "registrar", DossierAccessRules.RoleNotAllowed },
        { "client with archive.write only", DossierAccessRules.RoleNotAllowed },
    };

    [Theory]
    [MemberData(nameof(DossierReaders))]
    public void Dossiers_are_read_by_archivists_admins_their_office_and_their_district(string who, string? reason)
    {
        var problem = DossierAccessRules.CanRead(CallerOf(who), Documents.Dossier(officeCode: "OFC5"));

        Assert.True(reason == problem?.Reason, $"{who}: {problem?.Reason ?? "allowed"}");
        Assert.True(problem is null || problem.Status == 403, who);
    }

    [Theory]
    [MemberData(nameof(DossierReaders))]
    public void Documents_are_read_by_the_same_people_for_the_same_reasons(string who, string? reason)
    {
        var problem = DocumentAccessRules.CanRead(CallerOf(who), Documents.Correspondence(), dossierOffice: "OFC5");

        Assert.True(reason == problem?.Reason, $"{who}: {problem?.Reason ?? "allowed"}");
    }

    [Fact]
    public void An_operator_cannot_read_a_document_whose_file_has_no_dossier_here()
    {
        var problem = DocumentAccessRules.CanRead(Callers.Operator("OFC5"), Documents.Correspondence(fileNumber: null), dossierOffice: null);

        Assert.Equal(DossierAccessRules.NotDossierOffice, problem?.Reason);
    }

    [Fact]
    public void Operators_archive_only_office_scans_for_their_own_offices_files()
    {
        var dossier = Documents.Dossier(officeCode: "OFC5");

        Assert.Null(DocumentAccessRules.CanUploadAny(Callers.Operator("OFC5")));
        Assert.Null(DocumentAccessRules.CanUpload(Callers.Operator("ofc5"), DocumentSource.OfficeScan, dossier));
        Assert.Equal(DossierAccessRules.NotDossierOffice, DocumentAccessRules.CanUpload(Callers.Operator("OFC6"), DocumentSource.OfficeScan, dossier)?.Reason);
        Assert.Equal(DossierAccessRules.NotDossierOffice, DocumentAccessRules.CanUpload(Callers.Operator("OFC5"), DocumentSource.OfficeScan, null)?.Reason);
        Assert.Equal(DocumentAccessRules.LegacyImportNotAllowed, DocumentAccessRules.CanUpload(Callers.Operator("OFC5"), DocumentSource.LegacyImport, dossier)?.Reason);
        Assert.Null(DocumentAccessRules.CanUpload(Callers.Archivist, DocumentSource.LegacyImport, null));
    }

    [Fact]
    public void A_reviewer_reads_no_document_without_a_district()
    {
        var problem = DocumentAccessRules.CanRead(Callers.Reviewer(5), Documents.Of("CORRESPONDENCE", district: null), dossierOffice: null);

        Assert.Equal(OfficeAuthorizations.WrongDistrict, problem?.Reason);
    }

    [Fact]
    public void Clients_with_archive_write_import_legacy_scans_only()
    {
        var importer = Callers.Client([Scopes.ArchiveWrite]);

        Assert.Null(DocumentAccessRules.CanUploadAny(importer));
        Assert.Null(DocumentAccessRules.CanUpload(importer, DocumentSource.LegacyImport, null));
        Assert.Null(DocumentAccessRules.CanUpload(importer, DocumentSource.LegacyImport, Documents.Dossier()));
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanUpload(importer, DocumentSource.OfficeScan, Documents.Dossier())?.Reason);
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanUploadAny(Callers.Client([Scopes.ArchiveRead]))?.Reason);
    }

    [Fact]
    public void A_client_never_counts_as_an_archivist_or_operator_whatever_roles_its_token_claims()
    {
        var client = Callers.Client([Scopes.ArchiveRead, Scopes.ArchiveWrite], Roles.Archivist, Roles.Admin, Roles.OfficeOperator);

        Assert.False(DocumentAccessRules.SeesEverything(client));
        Assert.False(DossierAccessRules.IsOperator(client));
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanManage(client)?.Reason);
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanUpload(client, DocumentSource.OfficeScan, Documents.Dossier())?.Reason);
    }

    [Fact]
    public void Only_people_acting_as_operators_answer_to_the_by_law()
    {
        Assert.True(DossierAccessRules.IsOperator(Callers.Operator("OFC5")));
        Assert.False(DossierAccessRules.IsOperator(Callers.User([Roles.OfficeOperator, Roles.Archivist], officeCode: "OFC5")));
        Assert.False(DossierAccessRules.IsOperator(Callers.Reviewer(5)));
        Assert.False(DossierAccessRules.IsOperator(Callers.Archivist));
    }

    [Fact]
    public void Reviewers_and_registrars_may_not_archive_at_all()
    {
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanUploadAny(Callers.Reviewer(5))?.Reason);
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanUploadAny(Callers.Registrar)?.Reason);
    }

    [Fact]
    public void Holds_disposal_and_fixity_are_for_archivists_and_admins()
    {
        Assert.Null(DocumentAccessRules.CanManage(Callers.Archivist));
        Assert.Null(DocumentAccessRules.CanManage(Callers.Admin));
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanManage(Callers.Operator("OFC5"))?.Reason);
        Assert.Equal(DossierAccessRules.RoleNotAllowed, DocumentAccessRules.CanManage(Callers.Reviewer(5))?.Reason);
    }

    private static Caller CallerOf(string who) => who switch
    {
        "archivist" => Callers.Archivist,
        "admin" => Callers.Admin,
        "operator of the file's office (any case)" => Callers.Operator("ofc5"),
        "reviewer of the file's district" => Callers.Reviewer(5),
        "operator of another office" => Callers.Operator("OFC6"),
        "reviewer of another district" => Callers.Reviewer(6),
        "registrar" => Callers.Registrar,
        "client with archive.read" => Callers.Client([Scopes.ArchiveRead]),
        "client with archive.write only" => Callers.Client([Scopes.ArchiveWrite]),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, null),
    };
}
