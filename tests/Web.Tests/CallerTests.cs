using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Web.Callers;

namespace CityEServices.Web.Tests;

public class CallerTests
{
    [Fact]
    public void A_staff_user_is_named_by_id_with_office_and_district()
    {
        var caller = Caller.From(Principal(
            (CityClaims.Subject, "0193a5b2-0000-7000-8000-000000000001"), (CityClaims.Name, "operator1"),
            (CityClaims.Role, Roles.OfficeOperator), (CityClaims.OfficeCode, "s01a"), (CityClaims.NationalId, "0076229645"),
            (CityClaims.ClientId, "city-cli")), "corr-1");

        Assert.Equal(CallerKind.User, caller.Kind);
        Assert.Equal("user:0193a5b2-0000-7000-8000-000000000001", caller.Actor);
        Assert.Equal("S01A", caller.OfficeCode);
        Assert.Equal("0076229645", caller.NationalId);
        Assert.True(caller.IsIn(Roles.OfficeOperator));
        Assert.Empty(caller.Scopes);
        Assert.True(caller.MaySeePersonalData);
        Assert.Equal("corr-1", caller.CorrelationId);
    }

    [Fact]
    public void A_client_carries_its_granted_scopes_and_is_named_by_client_id()
    {
        var caller = Caller.From(Principal(
            (CityClaims.Subject, "bank-melli-0a1b"), (CityClaims.ClientId, "bank-melli-0a1b"), (CityClaims.Name, "Bank Melli"),
            (CityClaims.Role, Roles.Integrator), (CityClaims.Scope, "payments urban-planning.read")));

        Assert.Equal(CallerKind.Client, caller.Kind);
        Assert.Equal("client:bank-melli-0a1b", caller.Actor);
        Assert.True(caller.HasScope(Scopes.Payments));
        Assert.True(caller.HasScope(Scopes.UrbanPlanningRead));
        Assert.False(caller.HasScope(Scopes.PiiRead));
        Assert.False(caller.MaySeePersonalData);
    }

    [Fact]
    public void Scopes_may_come_one_claim_each()
    {
        var caller = Caller.From(Principal(
            (CityClaims.Subject, "gas-co"), (CityClaims.ClientId, "gas-co"), (CityClaims.Scope, Scopes.PiiRead), (CityClaims.Scope, Scopes.PropertyRead)));

        Assert.True(caller.HasScope(Scopes.PiiRead) && caller.HasScope(Scopes.PropertyRead));
        Assert.True(caller.MaySeePersonalData);
    }

    [Fact]
    public void A_user_never_gains_scopes_from_a_scope_claim()
    {
        var caller = Caller.From(Principal((CityClaims.Subject, "u1"), (CityClaims.Role, Roles.Admin), (CityClaims.Scope, Scopes.Payments)));

        Assert.False(caller.HasScope(Scopes.Payments));
    }

    [Fact]
    public void A_citizen_is_a_citizen()
    {
        var caller = Caller.From(Principal((CityClaims.Subject, "c-0076229645"), (CityClaims.Role, Roles.Citizen), (CityClaims.NationalId, "0076229645")));

        Assert.Equal(CallerKind.Citizen, caller.Kind);
        Assert.Equal("citizen:c-0076229645", caller.Actor);
    }

    [Fact]
    public void No_token_is_anonymous_and_a_bad_district_or_office_is_none()
    {
        Assert.Equal(CallerKind.Anonymous, Caller.From(new ClaimsPrincipal(new ClaimsIdentity())).Kind);

        var caller = Caller.From(Principal((CityClaims.Subject, "u2"), (CityClaims.District, "x1"), (CityClaims.OfficeCode, "not an office!")));
        Assert.Null(caller.District);
        Assert.Null(caller.OfficeCode);
    }

    [Fact]
    public void The_service_acts_as_system()
    {
        Assert.Equal("system:urbanplanning", Caller.System("urbanplanning").Actor);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer", CityClaims.Name, CityClaims.Role));
}
