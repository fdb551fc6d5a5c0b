namespace CityEServices.OfficeManagement.Features.Staff;

/// <summary>
/// Ends a person's current engagement and starts one at another office, in one transaction; both offices
/// are announced to authorisation caches in it (the person may no longer act at one, and may at the other).
/// </summary>
public sealed class MoveStaff(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    private const string NotMoved = "Staff member not moved.";

    public async Task<Outcome<StaffResponse>> HandleAsync(string nationalId, MoveStaffRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = Fields.ForPerson(nationalId, request, StaffRules.Validate);
        if (input.Problem is { } invalid)
        {
            return invalid;
        }

        var (person, move) = input.Value;

        var target = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == move.Office, cancellationToken);
        if (target is null)
        {
            return OfficeRules.NotFound(move.Office);
        }

        var current = await db.Staff.FirstOrDefaultAsync(s => s.NationalId == person && s.Active, cancellationToken);
        if (current is null)
        {
            return await db.Staff.AnyAsync(s => s.NationalId == person, cancellationToken)
                ? Problem.Conflict(Conflicts.StaffNotActive, NotMoved, $"{person} is not active at any office; register them at {move.Office} instead.")
                : StaffRules.NotFound(person);
        }

        if (current.OfficeCode == move.Office)
        {
            return Problem.Conflict(Conflicts.AlreadyAtOffice, NotMoved, $"{person} already serves at office {move.Office}.");
        }

        if (target.RefusalToHire() is { } refusal)
        {
            return OfficeRules.Conflict(refusal, NotMoved);
        }

        var now = time.GetDatabaseNow();
        var next = current.MoveTo(move.Office, move.Role, now, caller.Actor);
        changes.StaffChanged(person, current.OfficeCode, caller, now);
        changes.StaffChanged(person, next.OfficeCode, caller, now);
        // Two statements in one transaction: the old engagement ends before the new one starts, as the
        // "one active engagement per person" index requires. The events commit with the first.
        var strategy = db.Database.CreateExecutionStrategy();
        var conflict = await changes.CommitAsync(
            token => strategy.ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                db.Staff.Add(next);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, token),
            ex => ex is DbUpdateConcurrencyException || ex.IsUniqueViolation(),
            () => Problem.Conflict(Conflicts.ConcurrentChange, NotMoved, $"{person} was changed by someone else at the same moment; read the record again."),
            cancellationToken);
        return conflict is null ? StaffResponse.From(next) : conflict;
    }
}
