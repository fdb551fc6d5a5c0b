using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.Web.Callers;

namespace CityEServices.UrbanPlanning.Tests;

public class FileAccessRulesTests
{
    private static readonly UrbanPlanningFile File = UrbanPlanningFile.Open(
        new FileNumber(5, 42),
        TrackingCode.New(),
        CityEServices.Iran.RenovationCode.Parse("5-1-2-3-0-0-0"),
        5,
        "OFC1",
        "0076229645",
        "user:user-1",
        "operator.one",
        new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_operator_opens_files_at_their_own_office()
    {
        var refusal = FileAccessRules.CanOpen(Caller.From(Principals.Operator("OFC1")), "OFC1");

        Assert.Null(refusal);
    }

    [Fact]
    public void Office_codes_compare_without_case()
    {
        Assert.Null(FileAccessRules.CanOpen(Caller.From(Principals.Operator("ofc1")), "OFC1"));
    }

    [Fact]
    public void An_operator_cannot_open_a_file_at_another_office()
    {
        var refusal = FileAccessRules.CanOpen(Caller.From(Principals.Operator("OFC2")), "OFC1");

        Assert.NotNull(refusal);
        Assert.Equal(403, refusal.Status);
        Assert.Equal(DenialReasons.OperatorNotAtOffice, refusal.Reason);
    }

    [Fact]
    public void An_operator_without_an_office_claim_is_not_at_the_office()
    {
        var caller = Caller.From(Principals.Build([Roles.OfficeOperator], (CityClaims.NationalId, "1583250689")));

        Assert.Equal(DenialReasons.OperatorNotAtOffice, FileAccessRules.CanOpen(caller, "OFC1")?.Reason);
    }

    [Fact]
    public void An_operator_without_a_national_id_cannot_be_checked_for_certification()
    {
        var refusal = FileAccessRules.CanOpen(Caller.From(Principals.Operator("OFC1", nationalId: null)), "OFC1");

        Assert.Equal(DenialReasons.OperatorIdentityMissing, refusal?.Reason);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Registrar)]
    [InlineData(Roles.Archivist)]
    [InlineData(Roles.DistrictReviewer)]
    [InlineData(Roles.Integrator)]
    public void Only_operators_open_files(string role)
    {
        var caller = Caller.From(Principals.Build([role], (CityClaims.OfficeCode, "OFC1"), (CityClaims.NationalId, "1583250689")));

        var refusal = FileAccessRules.CanOpen(caller, "OFC1");

        Assert.NotNull(refusal);
        Assert.Equal(DenialReasons.RoleNotAllowed, refusal.Reason);
    }

    private static readonly string[] ReadScopes = [Scopes.UrbanPlanningRead];

    [Fact]
    public void Admin_reads_any_file() => Assert.Equal(FileRole.Admin, FileAccessRules.Reader(Caller.From(Principals.WithRoles(Roles.Admin)), File, ReadScopes).Value);

    [Fact]
    public void Operator_reads_files_of_their_office_only()
    {
        Assert.Equal(FileRole.Operator, FileAccessRules.Reader(Caller.From(Principals.Operator("ofc1")), File, ReadScopes).Value);

        var other = FileAccessRules.Reader(Caller.From(Principals.Operator("OFC2")), File, ReadScopes);
        Assert.False(other.Succeeded);
        Assert.Equal(DenialReasons.NotFileOffice, other.Problem!.Reason);
    }

    [Fact]
    public void A_reviewer_reads_as_a_reviewer_whose_district_the_by_law_check_compares()
    {
        // Any district here: OfficeAuthorizations.CheckReviewer, run next by FileByLaw, refuses another district (WrongDistrict).
        Assert.Equal(FileRole.Reviewer, FileAccessRules.Reader(Caller.From(Principals.Reviewer(5)), File, ReadScopes).Value);
        Assert.Equal(FileRole.Reviewer, FileAccessRules.Reader(Caller.From(Principals.Reviewer(6)), File, ReadScopes).Value);
    }

    [Fact]
    public void A_client_reads_only_with_one_of_the_scopes_the_read_names()
    {
        var reader = Caller.From(Principals.Client("reader-1", Scopes.UrbanPlanningRead));
        var bank = Caller.From(Principals.Client("bank-1", Scopes.Payments));
        string[] orderScopes = [Scopes.Payments, Scopes.UrbanPlanningRead];

        Assert.Equal(FileRole.Client, FileAccessRules.Reader(reader, File, ReadScopes).Value);
        Assert.Equal(FileRole.Client, FileAccessRules.Reader(bank, File, orderScopes).Value);
        Assert.Equal("insufficient_scope", FileAccessRules.Reader(bank, File, ReadScopes).Problem?.Reason);
        Assert.Equal("insufficient_scope", FileAccessRules.CanReadAny(bank, ReadScopes)?.Reason);
        Assert.Null(FileAccessRules.CanReadAny(reader, ReadScopes));
    }

    [Fact]
    public void A_client_holding_the_integrator_role_but_no_scope_reads_nothing()
    {
        var client = Caller.From(Principals.Client("utility-1"));

        Assert.Equal("insufficient_scope", FileAccessRules.CanReadAny(client, ReadScopes)?.Reason);
        Assert.Equal("insufficient_scope", FileAccessRules.CanReadAny(client, clientScopes: [])?.Reason);
    }

    [Theory]
    [InlineData(Roles.Registrar)]
    [InlineData(Roles.Archivist)]
    [InlineData(Roles.Integrator)]
    public void Other_staff_roles_read_no_files(string role)
    {
        var caller = Caller.From(Principals.WithRoles(role));

        Assert.Equal(DenialReasons.RoleNotAllowed, FileAccessRules.CanReadAny(caller, ReadScopes)?.Reason);
        Assert.Equal(DenialReasons.RoleNotAllowed, FileAccessRules.Reader(caller, File, ReadScopes).Problem?.Reason);
    }
}
