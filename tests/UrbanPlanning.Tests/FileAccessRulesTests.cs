using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.Web.Callers;

namespace CityEServices.UrbanPlanning.Tests;

public class FileAccessRulesTests
{
    private static readonly UrbanPlanningFile File = UrbanPlanningFile.Open(
        new FileNumber(5, 42),
        TrackingCode.New(),
        OpenFileRules.TryValidate("5-1-2-3-0-0-0", "0076229645", "OFC1", out var valid, out _) ? valid.RenovationCode : default,
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

    [Fact]
    public void Admin_reads_any_file() => Assert.Null(FileAccessRules.CanRead(Caller.From(Principals.WithRoles(Roles.Admin)), File));

    [Fact]
    public void Operator_reads_files_of_their_office_only()
    {
        Assert.Null(FileAccessRules.CanRead(Caller.From(Principals.Operator("OFC1")), File));

        var other = FileAccessRules.CanRead(Caller.From(Principals.Operator("OFC2")), File);
        Assert.NotNull(other);
        Assert.Equal(DenialReasons.NotFileOffice, other.Reason);
    }

    [Fact]
    public void Reviewer_reads_files_of_their_district_only()
    {
        Assert.Null(FileAccessRules.CanRead(Caller.From(Principals.Reviewer(5)), File));

        var other = FileAccessRules.CanRead(Caller.From(Principals.Reviewer(6)), File);
        Assert.NotNull(other);
        Assert.Equal(DenialReasons.NotFileDistrict, other.Reason);
    }

    [Fact]
    public void A_reviewer_without_a_district_claim_reads_nothing()
    {
        var refusal = FileAccessRules.CanRead(Caller.From(Principals.WithRoles(Roles.DistrictReviewer)), File);

        Assert.Equal(DenialReasons.NotFileDistrict, refusal?.Reason);
    }

    [Theory]
    [InlineData(Roles.Registrar)]
    [InlineData(Roles.Archivist)]
    [InlineData(Roles.Integrator)]
    public void Other_roles_read_no_files(string role)
    {
        var caller = Caller.From(Principals.WithRoles(role));

        Assert.Equal(DenialReasons.RoleNotAllowed, FileAccessRules.CanReadAny(caller)?.Reason);
        Assert.Equal(DenialReasons.RoleNotAllowed, FileAccessRules.CanRead(caller, File)?.Reason);
    }
}
