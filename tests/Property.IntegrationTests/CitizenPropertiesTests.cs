using System.Net;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// GET /api/me/properties: a citizen (by the national ID in their token) sees the properties they own a
/// share of now, with their own share and no other owner; a sold share drops out; staff are refused here.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CitizenPropertiesTests(PropertyService service, ITestOutputHelper output) : ServiceTest<PropertyService>(service, output), IClassFixture<PropertyService>
{
    private static int _next = 700;

    [Fact]
    public async Task A_citizen_sees_the_properties_they_own_now_with_their_own_share_only()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var (me, coOwner, buyer) = (NationalIds.Next(), NationalIds.Next(), NationalIds.Next());
        var kept = Code(9);
        var sold = Code(9);
        var notMine = Code(9);
        await (await admin.RegisterAsync(Requests.Registration(kept, 9, Requests.Owner(me, "مریم احمدی", 4), Requests.Owner(coOwner, "علی رضایی", 2)))).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.RegisterAsync(Requests.Registration(sold, 9, Requests.Owner(me, "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.RegisterAsync(Requests.Registration(notMine, 9, Requests.Owner(coOwner, "علی رضایی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        await (await admin.TransferAsync(sold, TransferRequests.Transfer(me, buyer, 6))).AssertJsonAsync(HttpStatusCode.Created);
        using var citizen = Service.CreateClient(TestTokens.Create([Roles.Citizen], nationalId: me, subject: "citizen:" + me));

        var page = await (await citizen.GetAsync("/api/me/properties?ownerNationalId=" + coOwner)).AssertJsonAsync(HttpStatusCode.OK);

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal((kept, "4"), (item.GetProperty("renovationCode").GetString(), item.GetProperty("myShareFraction").GetString()));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        // Nothing of the co-owner: neither their ID nor their name is in the answer.
        var body = item.GetRawText();
        Assert.DoesNotContain(coOwner, body, StringComparison.Ordinal);
        Assert.DoesNotContain("علی رضایی", body, StringComparison.Ordinal);

        using var buyerClient = Service.CreateClient(TestTokens.Create([Roles.Citizen], nationalId: buyer, subject: "citizen:" + buyer));
        var bought = await (await buyerClient.GetAsync("/api/me/properties")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([sold], bought.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("renovationCode").GetString()));

        await (await admin.GetAsync("/api/me/properties")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string Code(int district) => $"{district}-{Interlocked.Increment(ref _next)}-{Random.Shared.Next(1, 99999)}-1-0-0-0";
}
