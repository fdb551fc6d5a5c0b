namespace CityEServices.Archive.Features.Holds;

/// <summary>Releases an active legal hold, only with a reason; the hold is kept, marked released, by whom and why.</summary>
public sealed class ReleaseHold(ArchiveDbContext db, TimeProvider time)
{
    public async Task<Outcome<HoldResponse>> HandleAsync(Guid holdId, ReleaseHoldRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (DocumentAccessRules.CanManage(caller) is { } refusal)
        {
            return refusal;
        }

        var errors = new ValidationErrors();
        var reason = errors.RequiredText(request.Reason, "reason", "Reason", HoldRules.MaxReasonLength);
        if (reason is null)
        {
            return Problem.Invalid(errors);
        }

        var hold = await db.LegalHolds.SingleOrDefaultAsync(h => h.Id == holdId, cancellationToken);
        if (hold is null)
        {
            return Problem.NotFound("Hold not found.", $"No legal hold {holdId}.");
        }

        if (!hold.IsActive)
        {
            return Problem.Conflict(HoldRules.HoldAlreadyReleased, "Hold already released.", $"Legal hold {holdId} was released at {SolarHijri.Format(hold.ReleasedAt!.Value)}.");
        }

        hold.Release(caller.Actor, reason, time.GetDatabaseNow());
        await db.SaveChangesAsync(cancellationToken);
        return HoldResponse.From(hold);
    }
}
