using System.Net;
using CityEServices.TestSupport;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The slice that proves every wire: a request through the gateway reaches urban planning; it asks
/// office management and property over gRPC; it commits the file and its event through the outbox;
/// the archive consumes the event through its inbox, and the dossier is visible through the gateway.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class FileOpeningSliceTests(CityStackFixture stack)
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Opening_a_file_reaches_the_archive_through_grpc_outbox_and_inbox()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 22);

        var opened = await gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Created);

        var fileNumber = opened["fileNumber"]!.GetValue<string>();
        Assert.Matches("^22[0-9]{9}$", fileNumber);
        Assert.False(string.IsNullOrWhiteSpace(opened["trackingCode"]?.GetValue<string>()));

        var dossier = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await gateway.GetAsync($"/api/archive/dossiers/{fileNumber}", admin);
            return response.StatusCode == HttpStatusCode.OK ? await response.ReadJsonAsync(HttpStatusCode.OK) : null;
        }, EventDeadline, "the archive's dossier for the newly opened file");

        Assert.Equal(fileNumber, dossier["fileNumber"]!.GetValue<string>());
        Assert.Equal(world.RenovationCode, dossier["renovationCode"]!.GetValue<string>());

        var file = await gateway.GetAsync($"/api/urban-planning/files/{fileNumber}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(world.OfficeCode, file["officeCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_operator_of_another_office_is_refused_with_the_reason_and_nothing_is_written()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 7);
        var other = await SampleWorld.CreateAsync(gateway, admin, district: 7);

        var refused = await gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = world.ApplicantNationalId,
            officeCode = world.OfficeCode,
        }, other.OperatorToken).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal("OperatorNotAtOffice", refused["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_applicant_who_owns_no_share_is_refused()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 3);

        var refused = await gateway.PostAsJsonAsync("/api/urban-planning/files", new
        {
            renovationCode = world.RenovationCode,
            applicantNationalId = NationalIds.Next(),
            officeCode = world.OfficeCode,
        }, world.OperatorToken).ExpectAsync(HttpStatusCode.Forbidden);

        Assert.Equal("ApplicantNotOwner", refused["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Calls_without_a_token_are_refused_and_health_is_anonymous()
    {
        var gateway = stack.Gateway;

        using var anonymous = await gateway.GetAsync("/api/archive/dossiers/22000000001");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var health = await gateway.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }
}
