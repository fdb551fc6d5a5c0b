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
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problem.Invalid("code", error);
        }

        var validated = OfficeRules.Validate(request);
        if (validated.Value is not { } change)
        {
            return Problem.Invalid(validated.Errors);
        }

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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict(Conflicts.ConcurrentChange, NotChanged, $"Office {officeCode} was changed by someone else at the same moment; read it again.");
        }

        await changes.CommittedAsync();
        return StatusChangeResponse.From(entry);
    }
}
