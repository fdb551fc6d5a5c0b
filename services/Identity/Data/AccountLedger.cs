using System.Text.Json;

namespace CityEServices.Identity.Data;

/// <summary>
/// The rows every change to an account writes beside it, in the same SaveChanges (one transaction):
/// who did what, when and why; and, when the change must end the tokens already issued, the revocation.
/// </summary>
public static class AccountLedger
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void RecordChange(this IdentityDbContext db, string account, string action, string actor, DateTimeOffset at, string? reason = null, object? details = null) =>
        db.AccountChanges.Add(new AccountChange
        {
            Account = account,
            Action = action,
            Actor = actor,
            At = at,
            Reason = reason,
            Details = details is null ? null : JsonSerializer.Serialize(details, Json),
        });

    /// <summary>Every token of <paramref name="subject"/> issued up to <paramref name="at"/> stops working (at every service within their refresh interval).</summary>
    public static void RevokeTokensOf(this IdentityDbContext db, string subject, string cause, DateTimeOffset at) =>
        db.Revocations.Add(new Revocation { Subject = subject, RevokedAt = at, Cause = cause });
}
