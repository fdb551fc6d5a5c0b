namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// Permission for an office to serve one service type, from <see cref="GrantedAt"/> until revoked.
/// A revoked licence stays as history; granting the type again adds a new licence.
/// </summary>
public sealed class Licence
{
    private Licence()
    {
    }

    public Guid Id { get; private set; }

    public OfficeCode OfficeCode { get; private set; }

    public string ServiceType { get; private set; } = string.Empty;

    public DateTimeOffset GrantedAt { get; private set; }

    public string GrantedBy { get; private set; } = string.Empty;

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    internal static Licence Grant(OfficeCode office, string serviceType, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(at),
        OfficeCode = office,
        ServiceType = serviceType,
        GrantedAt = at,
        GrantedBy = by,
    };

    internal void Revoke(DateTimeOffset at, string by)
    {
        RevokedAt = at;
        RevokedBy = by;
    }
}
