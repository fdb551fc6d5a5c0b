namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// A person's engagement at one office. A person is active at one office at most; moving to another
/// office ends this record and starts a new one, so the history of who served where stays.
/// Qualifications belong to the person (national ID), not to the engagement, and move with them.
/// </summary>
public sealed class StaffMember
{
    public const int MaxNameLength = 200;

    private StaffMember()
    {
    }

    public Guid Id { get; private set; }

    public NationalId NationalId { get; private set; }

    public string FullName { get; private set; } = string.Empty;

    public StaffRole Role { get; private set; }

    public OfficeCode OfficeCode { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public string AddedBy { get; private set; } = string.Empty;

    public DateTimeOffset? DeactivatedAt { get; private set; }

    public string? DeactivatedBy { get; private set; }

    /// <summary>Why the engagement ended: moved to another office, or deactivated.</summary>
    public StaffEndReason? EndReason { get; private set; }

    public static StaffMember Join(NationalId nationalId, string fullName, StaffRole role, OfficeCode office, DateTimeOffset at, string by) => new()
    {
        Id = Guid.CreateVersion7(at),
        NationalId = nationalId,
        FullName = PersianText.Normalize(fullName),
        Role = role,
        OfficeCode = office,
        Active = true,
        JoinedAt = at,
        AddedBy = by,
    };

    public void Deactivate(DateTimeOffset at, string by, StaffEndReason reason = StaffEndReason.Deactivated)
    {
        if (!Active)
        {
            return;
        }

        Active = false;
        DeactivatedAt = at;
        DeactivatedBy = by;
        EndReason = reason;
    }

    /// <summary>Ends this engagement and starts one at <paramref name="office"/>; the role stays unless a new one is given.</summary>
    public StaffMember MoveTo(OfficeCode office, StaffRole? role, DateTimeOffset at, string by)
    {
        Deactivate(at, by, StaffEndReason.Moved);
        return Join(NationalId, FullName, role ?? Role, office, at, by);
    }
}

public enum StaffEndReason
{
    Moved,
    Deactivated,
}
