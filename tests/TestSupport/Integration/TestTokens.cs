using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using CityEServices.Contracts.Security;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CityEServices.TestSupport;

/// <summary>
/// Access tokens as the identity service would issue them, signed with a key only this test run
/// knows. The service validates them with its real JwtBearer pipeline; only where the keys come
/// from is replaced (no discovery document to fetch).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "http://identity.test/";
    public const string IdentityUrl = "http://identity.test";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "city-tests" };
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Makes the service trust <see cref="Key"/> for <see cref="Issuer"/> instead of fetching Identity's metadata.</summary>
    public static void TrustTestIssuer(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.Configuration = configuration;
            // Set after JwtBearer's own post-configure, which already made a manager that would fetch
            // Identity:Url's discovery document on the first request.
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            options.TokenValidationParameters.IssuerSigningKey = Key;
            options.TokenValidationParameters.ValidIssuer = Issuer;
        });

    public static string Admin(string name = "Admin Test") => Create([Roles.Admin], name: name);

    public static string Registrar(string name = "Registrar Test") => Create([Roles.Registrar], name: name);

    /// <summary>A client-credentials token: the client is its own subject, and it carries the scopes it was granted.</summary>
    public static string Integrator(string clientId = "integrator-test", params string[] scopes) =>
        Create([Roles.Integrator], name: null, clientId: clientId, subject: clientId, scopes: scopes);

    public static string Operator(string officeCode, string nationalId, string name = "Operator Test") =>
        Create([Roles.OfficeOperator], officeCode: officeCode, nationalId: nationalId, name: name);

    public static string Reviewer(int district) => Create([Roles.DistrictReviewer], district: district);

    public static string Create(
        IReadOnlyList<string> roles,
        string? officeCode = null,
        string? nationalId = null,
        int? district = null,
        string? name = "Test User",
        string? clientId = null,
        string audience = AuthenticationExtensions.ApiAudience,
        SecurityKey? signingKey = null,
        string issuer = Issuer,
        DateTime? expires = null,
        string? subject = null,
        IReadOnlyList<string>? scopes = null,
        DateTime? issuedAt = null)
    {
        var claims = new List<Claim> { new(CityClaims.Subject, subject ?? Guid.NewGuid().ToString("N")) };
        if (scopes is { Count: > 0 })
        {
            claims.Add(new Claim(CityClaims.Scope, string.Join(' ', scopes)));
        }

        if (name is not null)
        {
            claims.Add(new Claim(CityClaims.Name, name));
        }

        claims.AddRange(roles.Select(role => new Claim(CityClaims.Role, role)));
        if (officeCode is not null)
        {
            claims.Add(new Claim(CityClaims.OfficeCode, officeCode));
        }

        if (nationalId is not null)
        {
            claims.Add(new Claim(CityClaims.NationalId, nationalId));
        }

        if (district is not null)
        {
            claims.Add(new Claim(CityClaims.District, district.Value.ToString(CultureInfo.InvariantCulture)));
        }

        if (clientId is not null)
        {
            claims.Add(new Claim(CityClaims.ClientId, clientId));
        }

        var now = issuedAt ?? DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A well-formed token, with these roles (and office and national ID, if given), signed by a key the service has never heard of.</summary>
    public static string Forged(IReadOnlyList<string> roles, string? officeCode = null, string? nationalId = null) =>
        Create(roles, officeCode: officeCode, nationalId: nationalId, signingKey: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "city-tests" });
}
