using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// The by-law at every step, through the gateway with every real service (issue 14): a suspension
/// reaches urban planning within 5 s and stops the counter's payment and new requests; a deactivated
/// user's and a revoked client's live tokens stop working everywhere within 60 s; two members of staff
/// who happen to send the same idempotency key never see each other's answer.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class LawfulEndToEndTests(CityStackFixture stack)
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RevocationDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_office_suspended_moments_ago_takes_no_counter_payment_and_opens_no_request_until_it_is_active_again()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 16);
        await gateway.AuthoriseAsync(admin, world, "BUILDING_PERMIT");
        var reviewer = await gateway.CreateReviewerAsync(admin, district: 16);
        var fileNumber = (await gateway.OpenFileAsync(world))["fileNumber"]!.GetValue<string>();
        await Eventually.UntilAsync(async () =>
        {
            using var response = await gateway.GetAsync($"/api/archive/dossiers/{fileNumber}", world.OperatorToken);
            return response.StatusCode == HttpStatusCode.OK;
        }, EventDeadline, "the archive's dossier of the newly opened file");
        foreach (var category in new[] { "OWNERSHIP_DEED", "IDENTITY_DOCUMENT", "ARCHITECTURAL_PLAN", "STRUCTURAL_PLAN" })
        {
            await gateway.ScanAsync(world, fileNumber, category, category);
        }

        var requestId = (await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests",
            new { serviceType = "BUILDING_PERMIT", details = new { floors = 2, areaM2 = 180, usage = "Residential" } }, world.OperatorToken)
            .ExpectAsync(HttpStatusCode.Created))["requestId"]!.GetValue<string>();
        await Eventually.UntilAsync(async () =>
            (await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", world.OperatorToken).ExpectAsync(HttpStatusCode.OK))["status"]!.GetValue<string>() == "Submitted",
            EventDeadline, "the request Submitted with every document archived");
        await gateway.ActAsync(requestId, reviewer, new { action = "review" }, HttpStatusCode.OK);
        var fee = (await gateway.ActAsync(requestId, reviewer, new { action = "assessFee" }, HttpStatusCode.OK))["feeRial"]!.GetValue<decimal>();

        await gateway.PostAsJsonAsync($"/api/offices/{world.OfficeCode}/status", new { status = "Suspended", note = "بازرسی" }, admin).ExpectAsync(HttpStatusCode.OK);

        // Reading the file asks the same by-law as every write: within 5 s it is refused.
        await Eventually.UntilAsync(async () =>
        {
            using var read = await gateway.GetAsync($"/api/urban-planning/files/{fileNumber}", world.OperatorToken);
            return read.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(5), "urban planning refusing the suspended office's operator");
        var pay = await gateway.ActAsync(requestId, world.OperatorToken, new { action = "pay", amount = fee, receipt = PosReference() }, HttpStatusCode.Forbidden);
        Assert.Equal("OfficeSuspended", pay["reason"]!.GetValue<string>());
        var another = await gateway.PostAsJsonAsync($"/api/urban-planning/files/{fileNumber}/requests",
            new { serviceType = "BUILDING_PERMIT", details = new { floors = 1, areaM2 = 90, usage = "Residential" } }, world.OperatorToken).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("OfficeSuspended", another["reason"]!.GetValue<string>());
        var unpaid = await gateway.GetAsync($"/api/urban-planning/requests/{requestId}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("FeeAssessed", unpaid["status"]!.GetValue<string>());

        // Active again: the same operator's counter payment goes through.
        await gateway.PostAsJsonAsync($"/api/offices/{world.OfficeCode}/status", new { status = "Active", note = "رفع تعلیق" }, admin).ExpectAsync(HttpStatusCode.OK);
        await Eventually.UntilAsync(async () =>
        {
            using var read = await gateway.GetAsync($"/api/urban-planning/files/{fileNumber}", world.OperatorToken);
            return read.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(5), "urban planning serving the reactivated office's operator");
        var paid = await gateway.ActAsync(requestId, world.OperatorToken, new { action = "pay", amount = fee, receipt = PosReference() }, HttpStatusCode.OK);
        Assert.Equal("Paid", paid["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deactivated_operators_live_token_is_refused_by_every_service_within_a_minute()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 15);
        var fileNumber = (await gateway.OpenFileAsync(world))["fileNumber"]!.GetValue<string>();
        var file = $"/api/urban-planning/files/{fileNumber}";
        await gateway.GetAsync(file, world.OperatorToken).ExpectAsync(HttpStatusCode.OK);

        await gateway.PostAsJsonAsync($"/api/identity/users/{world.OperatorUserName}/deactivate", new { reason = "پایان همکاری" }, admin).ExpectAsync(HttpStatusCode.OK);

        // Each service (and the gateway) refreshes the revocation list on its own timer: within the one
        // deadline every one of them refuses, not necessarily at the same moment.
        string[] paths = [file, $"/api/properties/{world.RenovationCode}", $"/api/archive/dossiers/{fileNumber}"];
        await Eventually.UntilAsync(async () =>
        {
            foreach (var path in paths)
            {
                using var read = await gateway.GetAsync(path, world.OperatorToken);
                if (read.StatusCode != HttpStatusCode.Unauthorized)
                {
                    return false;
                }
            }

            return true;
        }, RevocationDeadline, "the deactivated operator's token refused by urban planning, property and the archive");
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.GetTokenAsync(world.OperatorUserName, "Operator-Passw0rd"));
    }

    [Fact]
    public async Task A_revoked_client_gets_no_new_token_and_its_live_token_is_refused_within_a_minute()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var world = await SampleWorld.CreateAsync(gateway, admin, district: 14);
        var fileNumber = (await gateway.OpenFileAsync(world))["fileNumber"]!.GetValue<string>();
        var (clientId, secret, token) = await gateway.CreateScopedClientAsync(admin, "Tehran Electricity", "urban-planning.read");
        var file = $"/api/urban-planning/files/{fileNumber}";
        await gateway.GetAsync(file, token).ExpectAsync(HttpStatusCode.OK);

        using (await gateway.DeleteAsync($"/api/identity/clients/{clientId}", admin))
        {
        }

        using var renewed = await gateway.RequestClientTokenAsync(clientId, secret, "urban-planning.read");
        Assert.False(renewed.IsSuccessStatusCode, $"a revoked client got a token: {(int)renewed.StatusCode}");
        await Eventually.UntilAsync(async () =>
        {
            using var read = await gateway.GetAsync(file, token);
            return read.StatusCode == HttpStatusCode.Unauthorized;
        }, RevocationDeadline, "the revoked client's token refused");
        var listed = await gateway.GetAsync($"/api/identity/clients/{clientId}", admin).ExpectAsync(HttpStatusCode.OK);
        Assert.NotNull(listed["revokedAt"]);
    }

    [Fact]
    public async Task Two_operators_sending_the_same_idempotency_key_each_get_their_own_file()
    {
        var gateway = stack.Gateway;
        var admin = await gateway.GetTokenAsync("admin", CityStackFixture.AdminPassword);
        var first = await SampleWorld.CreateAsync(gateway, admin, district: 12);
        var second = await SampleWorld.CreateAsync(gateway, admin, district: 11);
        var key = $"same-key-{Guid.NewGuid():N}";

        var mine = await OpenWithKeyAsync(gateway, first, key);
        var theirs = await OpenWithKeyAsync(gateway, second, key);
        var mineAgain = await OpenWithKeyAsync(gateway, first, key);

        Assert.NotEqual(mine, theirs);
        Assert.Equal(mine, mineAgain);
    }

    private static async Task<string> OpenWithKeyAsync(HttpClient gateway, SampleWorld world, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/urban-planning/files")
        {
            Content = JsonContent.Create(new { renovationCode = world.RenovationCode, applicantNationalId = world.ApplicantNationalId, officeCode = world.OfficeCode }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.OperatorToken);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await gateway.SendAsync(request);
        return (await response.ReadJsonAsync(HttpStatusCode.Created))["fileNumber"]!.GetValue<string>();
    }

    private static string PosReference() => $"POS-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}";
}
