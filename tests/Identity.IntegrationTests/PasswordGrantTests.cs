using System.Net;
using CityEServices.Identity.IntegrationTests.Infrastructure;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>Production turns the password grant off (Identity:AllowPasswordGrant=false); client credentials stay.</summary>
[Collection(ServersCollection.Name)]
public sealed class PasswordGrantTests(IdentityServiceWithoutPasswordGrant identity) : IClassFixture<IdentityServiceWithoutPasswordGrant>
{
    [Fact]
    public async Task The_password_grant_can_be_switched_off()
    {
        var refused = await identity.PasswordTokenAsync("admin", IdentityService.AdminPassword, HttpStatusCode.BadRequest);

        Assert.Equal("unsupported_grant_type", refused.GetProperty("error").GetString());
    }
}
