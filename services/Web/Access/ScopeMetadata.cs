namespace CityEServices.Web.Access;

/// <summary>The scopes that open an endpoint to integrator clients (any one of them will do).</summary>
public sealed record ScopeMetadata(IReadOnlyList<string> Scopes);
