using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Supervision;
using CityEServices.Web.Callers;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>Who may assign a file's supervising engineer and file its stage reports, and how the registry reads its input.</summary>
public class SupervisionAccessTests
{
    private static readonly UrbanPlanningFile File = UrbanPlanningFile.Open(
        new FileNumber(14, 7), "23456789ABCDE", RenovationCode.Parse("14-2-3-4-0-0-0"), 14, "OFC14", "0076229645", "user:op", null,
        new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_reviewer_assigns_and_files_reports_as_a_reviewer()
    {
        // The district is the by-law's question (OfficeAuthorizations.CheckReviewer), asked next.
        var reviewer = Caller.From(Principals.Reviewer(14));

        Assert.Equal(FileRole.Reviewer, SupervisionAccess.CanAssign(reviewer).Value);
        Assert.Equal(FileRole.Reviewer, SupervisionAccess.CanFileReport(reviewer, File).Value);
    }

    [Fact]
    public void An_operator_of_the_files_office_files_reports_but_does_not_assign()
    {
        var op = Caller.From(Principals.Operator("OFC14"));

        Assert.Equal(FileRole.Operator, SupervisionAccess.CanFileReport(op, File).Value);
        Assert.Equal(DenialReasons.RoleNotAllowed, SupervisionAccess.CanAssign(op).Problem?.Reason);
    }

    [Fact]
    public void Another_offices_operator_and_an_admin_are_refused()
    {
        Assert.Equal(DenialReasons.NotFileOffice, SupervisionAccess.CanFileReport(Caller.From(Principals.Operator("OFC9")), File).Problem?.Reason);
        Assert.Equal(DenialReasons.RoleNotAllowed, SupervisionAccess.CanAssign(Caller.From(Principals.WithRoles(Roles.Admin))).Problem?.Reason);
        Assert.Equal(DenialReasons.RoleNotAllowed, SupervisionAccess.CanFileReport(Caller.From(Principals.WithRoles(Roles.Admin)), File).Problem?.Reason);
    }

    [Fact]
    public void Operators_file_reports_under_the_supervising_engineer_licence() =>
        Assert.Equal("SUPERVISING_ENGINEER", SupervisionAccess.OperatorServiceType);

    [Theory]
    [InlineData("eng-۱۲", "ENG-12")]
    [InlineData(" ABC123 ", "ABC123")]
    [InlineData("ENG 1", null)]
    [InlineData("", null)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", null)]
    public void Licence_numbers_are_upper_case_ascii(string input, string? expected) =>
        Assert.Equal(expected, EngineerRules.NormalizeLicence(input));

    [Fact]
    public void A_registration_reports_every_bad_field_at_once()
    {
        (var valid, var errors) = EngineerRules.Validate("ENG 1", " ", "2", Engineer.MaxCapacity + 1);
        Assert.Null(valid);

        Assert.Null(valid);
        Assert.Equal(["capacity", "fullName", "grade", "licenceNumber"], errors.Keys.Order(StringComparer.Ordinal));
        (valid, _) = EngineerRules.Validate("eng-1", "مهندس ناظر", "senior", 3);
        Assert.NotNull(valid);
        Assert.Equal(new ValidEngineer("ENG-1", "مهندس ناظر", EngineerGrade.Senior, 3), valid);
    }
}
