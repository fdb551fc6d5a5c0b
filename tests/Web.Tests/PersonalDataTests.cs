using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Web.Callers;

namespace CityEServices.Web.Tests;

public class PersonalDataTests
{
    [Theory]
    [InlineData("0076229645", "00******45")]
    [InlineData("123", "*23")]
    [InlineData(null, null)]
    public void National_ids_keep_their_first_and_last_two_digits(string? id, string? masked) =>
        Assert.Equal(masked, PersonalData.MaskNationalId(id));

    [Fact]
    public void Mobiles_keep_the_operator_prefix_and_the_last_two_digits() =>
        Assert.Equal("+98912*****67", PersonalData.MaskMobile("+989121234567"));

    [Fact]
    public void Only_a_client_without_pii_read_sees_masked_identifiers()
    {
        var bank = Caller.From(Principal(("sub", "bank"), ("client_id", "bank"), ("scope", Scopes.Payments)));
        var trusted = Caller.From(Principal(("sub", "gas"), ("client_id", "gas"), ("scope", Scopes.PiiRead)));
        var staff = Caller.From(Principal(("sub", "u1"), ("role", Roles.Registrar)));

        Assert.Equal("00******45", bank.Shown("0076229645"));
        Assert.Equal("+98912*****67", bank.ShownMobile("+989121234567"));
        Assert.Equal("0076229645", trusted.Shown("0076229645"));
        Assert.Equal("0076229645", staff.Shown("0076229645"));
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer", CityClaims.Name, CityClaims.Role));
}
