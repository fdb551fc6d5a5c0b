using CityEServices.Contracts.Security;

namespace CityEServices.Archive.Tests;

/// <summary>Callers as the token would make them, for the access rules.</summary>
internal static class Callers
{
    private static readonly IReadOnlySet<string> NoScopes = new HashSet<string>();

    public static Caller Archivist { get; } = User([Roles.Archivist]);

    public static Caller Admin { get; } = User([Roles.Admin]);

    public static Caller Registrar { get; } = User([Roles.Registrar]);

    public static Caller Operator(string officeCode) => User([Roles.OfficeOperator], officeCode: officeCode, nationalId: "1583250689");

    public static Caller Reviewer(int district) => User([Roles.DistrictReviewer], district: district);

    public static Caller User(string[] roles, string? officeCode = null, string? nationalId = null, int? district = null) =>
        new(CallerKind.User, Guid.NewGuid().ToString("N"), "Test User", new HashSet<string>(roles), NoScopes, nationalId, officeCode, district);

    /// <summary>An integrator client with <paramref name="scopes"/> (and, to prove they do not count for a client, any <paramref name="roles"/>).</summary>
    public static Caller Client(string[] scopes, params string[] roles) =>
        new(CallerKind.Client, "import-tool", null, new HashSet<string>([Roles.Integrator, .. roles]), new HashSet<string>(scopes), null, null, null);
}
