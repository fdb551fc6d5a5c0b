using CityEServices.ServiceDefaults.OpenApi;

namespace CityEServices.Web.Access;

/// <summary>
/// The scopes that open an endpoint to integrator clients (any one of them will do), or, with
/// <see cref="AnyClient"/>, an endpoint open to every client whatever it was granted (public catalogues).
/// </summary>
public sealed record ScopeMetadata(IReadOnlyList<string> Scopes, bool AnyClient = false) : IScopeRequirement;
