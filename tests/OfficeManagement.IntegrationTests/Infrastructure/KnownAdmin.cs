using CityEServices.Contracts.Security;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

/// <summary>
/// An admin with a known user id and a display name, so a test can check what is recorded as the
/// actor: <c>user:&lt;id&gt;</c>, never the name (a name can be changed or shared, an id cannot).
/// </summary>
public sealed record KnownAdmin(string UserId, string Name)
{
    public string Token { get; } = TestTokens.Create([Roles.Admin], name: Name, subject: UserId);

    public string Actor => $"user:{UserId}";
}
