using System.Security.Claims;
using CityEServices.Contracts.Security;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>Users as the JWT handler hands them to endpoints (claim names as issued, no inbound mapping).</summary>
internal static class Principals
{
    public static ClaimsPrincipal Operator(string officeCode = "OFC1", string? nationalId = "1583250689") =>
        Build([Roles.OfficeOperator], (CityClaims.OfficeCode, officeCode), (CityClaims.NationalId, nationalId));

    public static ClaimsPrincipal Reviewer(int district) =>
        Build([Roles.DistrictReviewer], (CityClaims.District, district.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static ClaimsPrincipal WithRoles(params string[] roles) => Build(roles);

    /// <summary>An integrator client's client-credentials token: the client is its own subject, with the scopes it was granted.</summary>
    public static ClaimsPrincipal Client(string clientId, params string[] scopes)
    {
        List<Claim> all = [new(CityClaims.Subject, clientId), new(CityClaims.ClientId, clientId), new(CityClaims.Role, Roles.Integrator)];
        if (scopes.Length > 0)
        {
            all.Add(new Claim(CityClaims.Scope, string.Join(' ', scopes)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(all, "Bearer", CityClaims.Name, CityClaims.Role));
    }

    public static ClaimsPrincipal Build(string[] roles, params (string Type, string? Value)[] claims)
    {
        var all = new List<Claim> { new(CityClaims.Subject, "user-1"), new(CityClaims.Name, "operator.one") };
        all.AddRange(roles.Select(r => new Claim(CityClaims.Role, r)));
        all.AddRange(claims.Where(c => c.Value is not null).Select(c => new Claim(c.Type, c.Value!)));
        return new ClaimsPrincipal(new ClaimsIdentity(all, "Bearer", CityClaims.Name, CityClaims.Role));
    }
}
