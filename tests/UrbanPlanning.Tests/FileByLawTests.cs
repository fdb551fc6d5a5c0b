using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Features.Files;
using CityEServices.Web.Callers;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>
/// The one by-law check every read of citizens' data and every write on a file goes through: operators
/// answer to office management for the service type at hand, reviewers to the file's district, and
/// nobody else is asked anything.
/// </summary>
public class FileByLawTests
{
    private static readonly string[] ReadScopes = [Scopes.UrbanPlanningRead];

    private static readonly UrbanPlanningFile File = UrbanPlanningFile.Open(
        new FileNumber(12, 9), "23456789ABCDE", RenovationCode.Parse("12-2-3-4-0-0-0"), 12, "OFC12", "0076229645", "user:op", null,
        new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));

    private readonly FakeOfficeClient _offices = new();

    [Fact]
    public async Task An_operator_of_the_files_office_is_asked_about_for_the_service_type_at_hand()
    {
        var refusal = await ByLaw().RefuseReadingAsync(Caller.From(Principals.Operator("OFC12", "1583250689")), File, ServiceTypes.BuildingPermit, ReadScopes, CancellationToken.None);

        Assert.Null(refusal);
        var asked = Assert.Single(_offices.Requests);
        Assert.Equal(("OFC12", "1583250689", ServiceTypes.BuildingPermit), (asked.OfficeCode, asked.OperatorNationalId, asked.ServiceType));
    }

    [Theory]
    [InlineData("OfficeSuspended")]
    [InlineData("LicenceRevoked")]
    [InlineData("StaffInactive")]
    [InlineData("NotCertified")]
    public async Task A_suspended_office_or_an_unqualified_operator_reads_nothing(string reason)
    {
        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = reason, Detail = "because" };

        var refusal = await ByLaw().RefuseReadingAsync(Caller.From(Principals.Operator("OFC12")), File, ServiceTypes.UrbanFile, ReadScopes, CancellationToken.None);

        Assert.Equal((403, reason), (refusal?.Status, refusal?.Reason));
    }

    [Fact]
    public async Task An_operator_of_another_office_is_refused_before_office_management_is_asked()
    {
        var refusal = await ByLaw().RefuseReadingAsync(Caller.From(Principals.Operator("OFC99")), File, ServiceTypes.UrbanFile, ReadScopes, CancellationToken.None);

        Assert.Equal(DenialReasons.NotFileOffice, refusal?.Reason);
        Assert.Empty(_offices.Requests);
    }

    [Fact]
    public async Task A_reviewer_acts_and_reads_only_in_the_files_district()
    {
        var byLaw = ByLaw();

        Assert.Null(await byLaw.RefuseAsync(Caller.From(Principals.Reviewer(12)), File, FileRole.Reviewer, ServiceTypes.UrbanFile, CancellationToken.None));
        var other = await byLaw.RefuseAsync(Caller.From(Principals.Reviewer(3)), File, FileRole.Reviewer, ServiceTypes.UrbanFile, CancellationToken.None);
        Assert.Equal((403, "WrongDistrict"), (other?.Status, other?.Reason));
        var noDistrict = await byLaw.RefuseReadingAsync(Caller.From(Principals.WithRoles(Roles.DistrictReviewer)), File, ServiceTypes.UrbanFile, ReadScopes, CancellationToken.None);
        Assert.Equal("WrongDistrict", noDistrict?.Reason);
        Assert.Empty(_offices.Requests);
    }

    [Fact]
    public async Task Admins_and_granted_clients_read_without_asking_office_management()
    {
        var byLaw = ByLaw();

        Assert.Null(await byLaw.RefuseReadingAsync(Caller.From(Principals.WithRoles(Roles.Admin)), File, ServiceTypes.UrbanFile, ReadScopes, CancellationToken.None));
        Assert.Null(await byLaw.RefuseReadingAsync(Caller.From(Principals.Client("reader", Scopes.UrbanPlanningRead)), File, ServiceTypes.UrbanFile, ReadScopes, CancellationToken.None));
        Assert.Empty(_offices.Requests);
    }

    private FileByLaw ByLaw() => new(_offices.Authorizations());
}
