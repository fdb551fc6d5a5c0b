namespace CityEServices.OfficeManagement.Features.Offices;

/// <summary>
/// Moves an office to another status, kept as history with who, when and why. Announced to every
/// authorisation cache in the same commit: a suspension must hold everywhere at once.
/// </summary>
public sealed class ChangeOfficeStatus(OfficeManagementDbContext db, AuthorizationChanges changes, TimeProvider time)
{
    private const string NotChanged = "Status not changed.";

    public async Task<Outcome<StatusChangeResponse>> HandleAsync(string code, ChangeStatusRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = Fields.ForOffice(code, request, OfficeRules.Validate);
        if (input.Problem is { } invalid)
        {
            return invalid;
        }

        var (officeCode, change) = input.Value;

        var office = await db.Offices.FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeRules.NotFound(officeCode);
        }

        var now = time.GetDatabaseNow();
        var changed = office.ChangeStatus(change.Status, now, caller.Actor, change.Note);
        if (changed.Value is not { } entry)
        {
            return OfficeRules.Conflict(changed.Refusal!, NotChanged);
        }

        db.OfficeStatusChanges.Add(entry);
        changes.OfficeStatusChanged(office.Code, caller, now);
        var conflict = await changes.CommitAsync(
            ex => ex is DbUpdateConcurrencyException,
            () => Problem.Conflict(Conflicts.ConcurrentChange, NotChanged, $"Office {officeCode} was changed by someone else at the same moment; read it again."),
            cancellationToken);
        return conflict is null ? StatusChangeResponse.From(entry) : conflict;
    }
}
