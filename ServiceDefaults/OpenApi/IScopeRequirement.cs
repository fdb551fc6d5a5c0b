namespace CityEServices.ServiceDefaults.OpenApi;

/// <summary>
/// Endpoint metadata naming the scopes that open an endpoint to integrator clients. The scope check
/// itself lives in services/Web; the contract reads the same metadata so the document cannot claim
/// other scopes than the ones enforced.
/// </summary>
public interface IScopeRequirement
{
    IReadOnlyList<string> Scopes { get; }

    /// <summary>Open to every client whatever it was granted (public catalogues).</summary>
    bool AnyClient { get; }
}
