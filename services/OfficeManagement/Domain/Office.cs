namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// A City E-Service Office (دفتر خدمات الکترونیکی شهر). Offices serve citizens of any district; what
/// they may do is decided per service type by their licences.
/// </summary>
public sealed class Office
{
    public const int MaxNameLength = 200;
    public const int MaxAddressLength = 500;

    private readonly List<Licence> _licences = [];

    private Office()
    {
    }

    public OfficeCode Code { get; private set; }

    public string Name { get; private set; } = string.Empty;

    /// <summary>The district the office sits in (1–22); it still serves every district.</summary>
    public int District { get; private set; }

    public string Address { get; private set; } = string.Empty;

    public OfficeStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>Every licence, current and revoked.</summary>
    public IReadOnlyList<Licence> Licences => _licences;

    /// <summary>Pilot and Active offices serve; Suspended and Closed ones do not.</summary>
    public bool CanServe => Status is OfficeStatus.Active or OfficeStatus.Pilot;

    public static Office Open(OfficeCode code, string name, int district, string address, OfficeStatus status, DateTimeOffset at, string by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(district, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(district, 22);
        return new Office
        {
            Code = code,
            Name = PersianText.Normalize(name),
            District = district,
            Address = PersianText.Normalize(address),
            Status = status,
            CreatedAt = at,
            CreatedBy = by,
        };
    }

    public Licence? ActiveLicence(string serviceType) =>
        _licences.FirstOrDefault(l => l.IsActive && string.Equals(l.ServiceType, serviceType, StringComparison.Ordinal));

    public bool IsLicensedFor(string serviceType) => ActiveLicence(serviceType) is not null;

    /// <summary>Whether the office was licensed for <paramref name="serviceType"/> once and every such licence has been revoked.</summary>
    public bool LostLicenceFor(string serviceType) =>
        !IsLicensedFor(serviceType) && _licences.Any(l => string.Equals(l.ServiceType, serviceType, StringComparison.Ordinal));

    public DomainResult<Licence> GrantLicence(string serviceType, DateTimeOffset at, string by)
    {
        if (!ServiceTypes.IsKnown(serviceType))
        {
            throw new ArgumentException($"'{serviceType}' is not a service type.", nameof(serviceType));
        }

        if (Status == OfficeStatus.Closed)
        {
            return DomainResult<Licence>.Refused(Conflicts.OfficeClosed, $"Office {Code} is closed and cannot be licensed.");
        }

        if (ActiveLicence(serviceType) is { } existing)
        {
            return DomainResult<Licence>.Refused(Conflicts.AlreadyLicensed, $"Office {Code} has been licensed for {serviceType} since {existing.GrantedAt:O}.");
        }

        var licence = Licence.Grant(Code, serviceType, at, by);
        _licences.Add(licence);
        return DomainResult<Licence>.Done(licence);
    }

    public DomainResult<Licence> RevokeLicence(string serviceType, DateTimeOffset at, string by)
    {
        if (ActiveLicence(serviceType) is not { } licence)
        {
            return DomainResult<Licence>.Refused(Conflicts.NoActiveLicence, $"Office {Code} holds no licence for {serviceType}.");
        }

        licence.Revoke(at, by);
        return DomainResult<Licence>.Done(licence);
    }

    /// <summary>Whether new staff may join: not once the office has closed.</summary>
    public Refusal? RefusalToHire() =>
        Status == OfficeStatus.Closed ? new Refusal(Conflicts.OfficeClosed, $"Office {Code} is closed and takes no new staff.") : null;

    /// <summary>
    /// Moves the office to <paramref name="status"/> and returns the history entry. Closing is final;
    /// "changing" to the current status is refused so the history records only real changes.
    /// </summary>
    public DomainResult<OfficeStatusChange> ChangeStatus(OfficeStatus status, DateTimeOffset at, string by, string? note = null)
    {
        if (Status == OfficeStatus.Closed)
        {
            return DomainResult<OfficeStatusChange>.Refused(Conflicts.OfficeClosed, $"Office {Code} is closed; closing is final.");
        }

        if (Status == status)
        {
            return DomainResult<OfficeStatusChange>.Refused(Conflicts.StatusUnchanged, $"Office {Code} is already {status}.");
        }

        var change = OfficeStatusChange.Record(Code, Status, status, at, by, note is null ? null : PersianText.Normalize(note));
        Status = status;
        return DomainResult<OfficeStatusChange>.Done(change);
    }
}
