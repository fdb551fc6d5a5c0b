namespace CityEServices.OfficeManagement.Features.Offices;

// Request bodies are loosely typed on purpose: the rules, not the JSON reader, decide what is
// wrong, so a client gets one 400 naming each bad field.

/// <summary><c>POST /api/offices</c>. <see cref="Status"/> is optional; a new office starts as Pilot.</summary>
public sealed record CreateOfficeRequest(string? Code, string? Name, int? District, string? Address, string? Status = null);

/// <summary><c>POST /api/offices/{code}/licences</c>.</summary>
public sealed record GrantLicenceRequest(string? ServiceType);

/// <summary><c>POST /api/offices/{code}/status</c>: Pilot, Active, Suspended or Closed, and why.</summary>
public sealed record ChangeStatusRequest(string? Status, string? Note);

public sealed record OfficeResponse(
    string Code,
    string Name,
    int District,
    string Address,
    OfficeStatus Status,
    DualTime CreatedAt,
    IReadOnlyList<LicenceResponse> Licences,
    IReadOnlyList<StaffResponse> Staff,
    IReadOnlyList<StatusChangeResponse> StatusHistory)
{
    public static OfficeResponse From(Office office, IEnumerable<StaffMember> staff, IEnumerable<OfficeStatusChange> history) => new(
        office.Code.Value,
        office.Name,
        office.District,
        office.Address,
        office.Status,
        DualTime.From(office.CreatedAt),
        [.. office.Licences.OrderBy(l => l.GrantedAt).Select(LicenceResponse.From)],
        [.. staff.OrderByDescending(s => s.Active).ThenBy(s => s.JoinedAt).Select(StaffResponse.From)],
        [.. history.OrderBy(c => c.ChangedAt).Select(StatusChangeResponse.From)]);
}

/// <summary>One line of an office list.</summary>
public sealed record OfficeSummaryResponse(string Code, string Name, int District, string Address, OfficeStatus Status, IReadOnlyList<string> LicensedServiceTypes, int ActiveStaff);

public sealed record StatusChangeResponse(OfficeStatus FromStatus, OfficeStatus ToStatus, DualTime ChangedAt, string ChangedBy, string? Note)
{
    public static StatusChangeResponse From(OfficeStatusChange change) =>
        new(change.FromStatus, change.ToStatus, DualTime.From(change.ChangedAt), change.ChangedBy, change.Note);
}

/// <summary>A licence, current (<see cref="Active"/>) or revoked.</summary>
public sealed record LicenceResponse(string ServiceType, bool Active, DualTime GrantedAt, string GrantedBy, DualTime? RevokedAt, string? RevokedBy)
{
    public static LicenceResponse From(Licence licence) => new(
        licence.ServiceType,
        licence.IsActive,
        DualTime.From(licence.GrantedAt),
        licence.GrantedBy,
        licence.RevokedAt is { } revoked ? DualTime.From(revoked) : null,
        licence.RevokedBy);
}
