using System.Net;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// Through the gateway, with every service real (issue 18): a property sold in the registry moves its
/// urban-planning file to the new owner (property's event heard by urban planning), who tracks it and
/// applies on it at an office of another district, which takes the file up; the seller sees nothing.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class FilesFollowThePropertyEndToEndTests(CityStackFixture stack)
{
    private const string Certificate = "NO_VIOLATION_CERTIFICATE";

    [Fact]
    public async Task After_a_sale_the_buyer_tracks_the_file_and_applies_at_another_districts_office()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 5);
        var elsewhere = await SampleWorld.CreateAsync(gateway, admin, district: 18);
        await gateway.AuthoriseAsync(admin, elsewhere, Certificate);
        var opened = await gateway.OpenFileAsync(world);
        var fileNumber = opened["fileNumber"]!.GetValue<string>();
        var trackingCode = opened["trackingCode"]!.GetValue<string>();
        await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={world.ApplicantNationalId}").ExpectAsync(HttpStatusCode.OK);

        // The applicant sells all four dang to a buyer; the co-owner keeps two.
        var buyer = NationalIds.Next();
        await gateway.PostAsJsonAsync($"/api/properties/{world.RenovationCode}/transfers", new
        {
            sellerNationalId = world.ApplicantNationalId,
            buyer = new { nationalId = buyer, fullName = "نگار رحیمی" },
            shareDang = 4,
        }, admin).ExpectAsync(HttpStatusCode.Created);

        await Eventually.UntilAsync(
            async () => (await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={buyer}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the buyer to track the file");
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={world.ApplicantNationalId}")).StatusCode);

        // An office of district 18, licensed for the certificate, applies for the buyer and so takes the file up.
        var created = await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests",
            new { serviceType = Certificate, applicantNationalId = buyer }, elsewhere.OperatorToken).ExpectAsync(HttpStatusCode.Created);
        Assert.NotNull(created["requestId"]);
        var refused = await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests",
            new { serviceType = Certificate, applicantNationalId = world.ApplicantNationalId }, elsewhere.OperatorToken).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("ApplicantNotOwner", refused["reason"]!.GetValue<string>());

        var file = await gateway.GetAsync($"/api/urban-planning/files/{fileNumber}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(elsewhere.OfficeCode, file["officeCode"]!.GetValue<string>());
        Assert.Equal(5, file["district"]!.GetValue<int>());
        var kinds = file["changes"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["OwnersChanged", "HandedOver"], kinds);
        var handOver = file["changes"]!.AsArray()[1]!;
        Assert.Equal((world.OfficeCode, elsewhere.OfficeCode), (handOver["fromOfficeCode"]!.GetValue<string>(), handOver["toOfficeCode"]!.GetValue<string>()));

        var track = await gateway.GetAsync($"/api/track/{trackingCode}?nationalId={buyer}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Certificate, Assert.Single(track["requests"]!.AsArray())!["serviceType"]!.GetValue<string>());
    }
}
