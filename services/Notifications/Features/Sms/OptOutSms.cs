namespace CityEServices.Notifications.Features.Sms;

/// <summary>
/// A number that wants no more messages: recorded once (asking again answers the first record), and
/// honoured at send time, so messages already queued for it are not sent either. Admins record it for
/// a citizen today (<see cref="HandleAsync"/>); the citizen's own opt-out (the citizen issue's
/// <c>/api/me</c>) is <see cref="RecordAsync"/> with <see cref="OptOutSource.Citizen"/> and their own number.
/// </summary>
public sealed class OptOutSms(NotificationsDbContext db, TimeProvider time)
{
    public async Task<Outcome<(OptOutResponse OptOut, bool Created)>> HandleAsync(OptOutRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden("RoleNotAllowed", "Only an admin records an opt-out for a citizen.");
        }

        if (!MobileNumber.TryParse(request.Mobile, out var mobile, out var error))
        {
            return Problem.Invalid("mobile", error);
        }

        return await RecordAsync(mobile, OptOutSource.Admin, caller.Actor, cancellationToken);
    }

    /// <summary>Records the opt-out of <paramref name="mobile"/>; the existing record when there is one.</summary>
    public async Task<(OptOutResponse OptOut, bool Created)> RecordAsync(MobileNumber mobile, OptOutSource source, string actor, CancellationToken cancellationToken)
    {
        if (await FindAsync(mobile, cancellationToken) is { } existing)
        {
            return (Map(existing), false);
        }

        var optOut = new SmsOptOut { Mobile = mobile.Value, Source = source, OptedOutAt = time.GetDatabaseNow(), OptedOutBy = actor };
        db.SmsOptOuts.Add(optOut);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (Map(optOut), true);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Recorded by a concurrent request a moment ago: that record is the answer.
            db.ChangeTracker.Clear();
            return (Map((await FindAsync(mobile, cancellationToken))!), false);
        }
    }

    private Task<SmsOptOut?> FindAsync(MobileNumber mobile, CancellationToken cancellationToken) =>
        db.SmsOptOuts.AsNoTracking().SingleOrDefaultAsync(o => o.Mobile == mobile.Value, cancellationToken);

    private static OptOutResponse Map(SmsOptOut o) => new(o.Mobile, o.Source, DualTime.From(o.OptedOutAt), o.OptedOutBy);
}
