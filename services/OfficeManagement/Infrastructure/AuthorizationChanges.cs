namespace CityEServices.OfficeManagement.Infrastructure;

/// <summary>
/// Tells every cache of <c>AuthorizeService</c> answers that something they may hold has changed: the
/// other services through <see cref="OfficeAuthorizationChanged"/> in this request's outbox (so the
/// event commits with the change, or not at all), and this service's own Redis answers once the change
/// has committed (<see cref="CommittedAsync"/>), so the very next question here reads the new state.
/// One per request (scoped, like the DbContext it writes to).
/// </summary>
public sealed class AuthorizationChanges(OfficeManagementDbContext db, AuthorizationCache cache)
{
    /// <summary>The <see cref="OfficeAuthorizationChanged.Change"/> codes: what kind of record changed.</summary>
    public const string OfficeStatus = "OfficeStatus";
    public const string Licence = "Licence";
    public const string Staff = "Staff";
    public const string Qualification = "Qualification";

    private readonly HashSet<OfficeCode> _offices = [];
    private readonly HashSet<NationalId> _people = [];

    /// <summary>An office's status changed: every answer about that office (any operator) may be stale.</summary>
    public void OfficeStatusChanged(OfficeCode office, Caller caller, DateTimeOffset at) => Announce(office, null, OfficeStatus, caller, at);

    /// <summary>
    /// A licence was granted or revoked: the city hears <see cref="OfficeLicenceChanged"/> (what happened)
    /// and every answer about the office is stale, both in the pending commit.
    /// </summary>
    public void LicenceChanged(OfficeCode office, string serviceType, bool granted, Caller caller, DateTimeOffset at)
    {
        db.PublishOnCommit(new OfficeLicenceChanged(office.Value, serviceType, granted, caller.Actor)
        {
            OccurredAt = at,
            CorrelationId = caller.CorrelationId,
        });
        Announce(office, null, Licence, caller, at);
    }

    /// <summary>
    /// A person joined, left or moved: answers about them at <paramref name="office"/> may be stale. Once
    /// per office the change touches (a move touches the office left and the office joined).
    /// </summary>
    public void StaffChanged(NationalId person, OfficeCode office, Caller caller, DateTimeOffset at) => Announce(office, person, Staff, caller, at);

    /// <summary>A qualification attempt was recorded: every answer about the person (at any office) may be stale.</summary>
    public void QualificationRecorded(NationalId person, Caller caller, DateTimeOffset at) => Announce(null, person, Qualification, caller, at);

    /// <summary>
    /// Saves the request's changes with their announcements and then retires the cached answers; a
    /// save that fails as <paramref name="isConflict"/> expects answers <paramref name="conflict"/> instead.
    /// </summary>
    public Task<Problem?> CommitAsync(Func<DbUpdateException, bool> isConflict, Func<Problem> conflict, CancellationToken cancellationToken) =>
        CommitAsync(db.SaveChangesAsync, isConflict, conflict, cancellationToken);

    /// <summary>As the other overload, for a use case whose <paramref name="save"/> is more than one SaveChanges.</summary>
    public async Task<Problem?> CommitAsync(
        Func<CancellationToken, Task> save, Func<DbUpdateException, bool> isConflict, Func<Problem> conflict, CancellationToken cancellationToken)
    {
        try
        {
            await save(cancellationToken);
        }
        catch (DbUpdateException ex) when (isConflict(ex))
        {
            return conflict();
        }

        await CommittedAsync();
        return null;
    }

    /// <summary>After the commit: retires this service's cached answers about what was announced.</summary>
    public async Task CommittedAsync()
    {
        foreach (var office in _offices)
        {
            await cache.InvalidateOfficeAsync(office);
        }

        foreach (var person in _people)
        {
            await cache.InvalidatePersonAsync(person);
        }
    }

    private void Announce(OfficeCode? office, NationalId? person, string change, Caller caller, DateTimeOffset at)
    {
        db.PublishOnCommit(new OfficeAuthorizationChanged(office?.Value, person?.Value, change)
        {
            OccurredAt = at,
            CorrelationId = caller.CorrelationId,
        });
        if (office is { } o)
        {
            _offices.Add(o);
        }

        if (person is { } p)
        {
            _people.Add(p);
        }
    }
}
