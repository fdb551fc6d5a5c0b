namespace CityEServices.ServiceDefaults.Auth.Revocation;

/// <summary><c>Identity:Revocations</c>: how this process learns which live tokens identity has revoked.</summary>
public sealed class RevocationOptions
{
    public const string SectionName = "Identity:Revocations";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the list is fetched. A deactivated user's or revoked client's token is refused within
    /// this interval (plus one fetch), well inside the 60 s the city promises.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Where the list is; by default <c>{Identity:Url}/internal/revocations</c>.</summary>
    public string? Url { get; set; }
}
