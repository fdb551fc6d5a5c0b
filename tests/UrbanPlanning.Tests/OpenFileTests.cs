using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Contracts.Security;
using CityEServices.UrbanPlanning.Clients;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Features.Files;
using CityEServices.Web.Callers;
using CityEServices.Web.Grpc;
using CityEServices.Web.Problems;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>
/// The refusals of the OpenFile use case (POST /files), in the order the brief fixes: body, office
/// claim, office management's authorisation, the property registry. None of these paths may reach the
/// database (the opener here has none, so reaching it would fail the test).
/// </summary>
public class OpenFileTests
{
    private static readonly OpenFileRequest Valid = new("22-1-15-7-0-0-0", "0076229645", "ofc1");

    private readonly FakeOfficeClient _offices = new();
    private readonly FakePropertyClient _properties = new();

    [Fact]
    public async Task Invalid_body_is_a_400_with_field_errors_and_asks_no_one()
    {
        var result = await OpenAsync(new OpenFileRequest("22-1", "123", "OFC_1"), Principals.Operator());

        var problem = AssertProblem(result, StatusCodes.Status400BadRequest);
        Assert.Equal(["applicantNationalId", "officeCode", "renovationCode"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(_offices.Requests);
        Assert.Empty(_properties.Requests);
    }

    [Fact]
    public async Task Admin_may_not_open_a_file()
    {
        var result = await OpenAsync(Valid, Principals.Build([Roles.Admin], (CityClaims.OfficeCode, "OFC1"), (CityClaims.NationalId, "1583250689")));

        AssertForbidden(result, "RoleNotAllowed");
        Assert.Empty(_offices.Requests);
    }

    [Fact]
    public async Task Operator_of_another_office_is_refused_before_asking_office_management()
    {
        var result = await OpenAsync(Valid, Principals.Operator("OFC9"));

        AssertForbidden(result, "OperatorNotAtOffice");
        Assert.Empty(_offices.Requests);
    }

    [Fact]
    public async Task Office_management_is_asked_about_this_operator_office_and_urban_file()
    {
        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = "OperatorNotCertified", Detail = "No URBAN_FILE certificate." };

        await OpenAsync(Valid, Principals.Operator("OFC1", "1583250689"));

        var request = Assert.Single(_offices.Requests);
        Assert.Equal("OFC1", request.OfficeCode);
        Assert.Equal("1583250689", request.OperatorNationalId);
        Assert.Equal(ServiceTypes.UrbanFile, request.ServiceType);
    }

    [Theory]
    [InlineData("OfficeSuspended")]
    [InlineData("OfficeNotLicensed")]
    [InlineData("OperatorNotCertified")]
    public async Task Office_management_refusal_is_a_403_with_its_reason(string reason)
    {
        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = reason, Detail = "because" };

        var result = await OpenAsync(Valid, Principals.Operator());

        var problem = AssertForbidden(result, reason);
        Assert.Equal("because", problem.Detail);
        Assert.Empty(_properties.Requests);
    }

    [Fact]
    public async Task Unknown_property_is_a_404()
    {
        _properties.Reply = new VerifyOwnerReply { PropertyFound = false };

        var result = await OpenAsync(Valid, Principals.Operator());

        var problem = AssertProblem(result, StatusCodes.Status404NotFound);
        Assert.Contains("22-1-15-7-0-0-0", problem.Detail);
        var asked = Assert.Single(_properties.Requests);
        Assert.Equal("22-1-15-7-0-0-0", asked.RenovationCode);
        Assert.Equal("0076229645", asked.NationalId);
    }

    [Fact]
    public async Task Applicant_without_a_share_is_a_403()
    {
        _properties.Reply = new VerifyOwnerReply { PropertyFound = true, IsOwner = false, ShareDang = "0", District = 22 };

        var result = await OpenAsync(Valid, Principals.Operator());

        AssertForbidden(result, "ApplicantNotOwner");
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task An_unreachable_dependency_is_left_to_the_shared_503_handler(StatusCode status)
    {
        _offices.Failure = new RpcException(new Status(status, "down"));

        var thrown = await Assert.ThrowsAsync<RpcException>(() => OpenAsync(Valid, Principals.Operator()));

        Assert.Equal(status, thrown.StatusCode);
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated)]
    [InlineData(StatusCode.Internal)]
    public async Task A_dependency_that_fails_otherwise_is_a_503_not_a_500(StatusCode status)
    {
        _properties.Failure = new RpcException(new Status(status, "broken"));

        var result = await OpenAsync(Valid, Principals.Operator());

        var problem = AssertProblem(result, StatusCodes.Status503ServiceUnavailable);
        Assert.Equal("DependencyFailed", problem.Reason);
    }

    private Task<Outcome<OpenFileResponse>> OpenAsync(OpenFileRequest request, System.Security.Claims.ClaimsPrincipal user)
    {
        var calls = new ServiceCalls(NullLogger<ServiceCalls>.Instance);
        var openFile = new OpenFile(_offices.Authorizations(), new PropertyRegistryClient(_properties, calls), new FileOpener(null!, TimeProvider.System));
        return openFile.HandleAsync(request, Caller.From(user), CancellationToken.None);
    }

    private static Problem AssertProblem(Outcome<OpenFileResponse> result, int status)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(status, result.Problem!.Status);
        return result.Problem;
    }

    private static Problem AssertForbidden(Outcome<OpenFileResponse> result, string reason)
    {
        var problem = AssertProblem(result, StatusCodes.Status403Forbidden);
        Assert.Equal(reason, problem.Reason);
        return problem;
    }
}
