namespace CityEServices.Identity.Features.Citizens;

/// <summary>
/// Issues a one-time code for a national ID and hands it, through the outbox in the same commit, to
/// notifications, which texts it to the mobile it holds for that person, if any. The per-national-ID
/// limit is counted in PostgreSQL under an advisory lock on the national ID, so it holds across replicas
/// and concurrent requests; the per-address limit is the gateway's.
/// </summary>
public sealed class IssueSignInCode(IdentityDbContext db, TimeProvider time)
{
    public const string RateLimitedReason = "SignInCodeRateLimited";

    // pg_advisory_xact_lock(key1, key2) key1: "CSIC" (citizen sign-in code); key2 the national ID's hash.
    private const int LockSpace = 0x4353_4943;

    public async Task<Outcome<SignInCodeAccepted>> HandleAsync(SignInCodeRequest? request, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(request?.NationalId, out var nationalId, out var error))
        {
            return Problem.Invalid("nationalId", error);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var id = nationalId.Value;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, hashtext({id}))", ct);

            var now = time.GetDatabaseNow();
            var windowStart = now - SignInCode.RateWindow;
            var recent = await db.SignInCodes.Where(c => c.NationalId == id && c.IssuedAt > windowStart)
                .OrderBy(c => c.IssuedAt).Select(c => c.IssuedAt).ToListAsync(ct);
            if (recent.Count >= SignInCode.MaxPerWindow)
            {
                var retryAfter = recent[^SignInCode.MaxPerWindow] + SignInCode.RateWindow - now;
                return RateLimited(retryAfter);
            }

            var codeId = Guid.CreateVersion7();
            var code = SignInCode.NewCode();
            var expiresAt = now + SignInCode.Lifetime;
            db.SignInCodes.Add(new SignInCode
            {
                Id = codeId,
                NationalId = id,
                CodeHash = SignInCode.Hash(codeId, code),
                IssuedAt = now,
                ExpiresAt = expiresAt,
            });
            db.PublishOnCommit(new CitizenSignInCodeIssued(id, code, expiresAt) { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<SignInCodeAccepted>)new SignInCodeAccepted(expiresAt,
                "If this national ID has a mobile number on file, a sign-in code was sent to it by SMS.");
        }, cancellationToken);
    }

    private static Outcome<SignInCodeAccepted> RateLimited(TimeSpan retryAfter) =>
        new Problem(StatusCodes.Status429TooManyRequests, "Too many sign-in codes.",
                $"At most {SignInCode.MaxPerWindow} codes are sent to one national ID per {SignInCode.RateWindow.TotalMinutes:0} minutes; try again later.",
                RateLimitedReason)
            .With("retryAfterSeconds", (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds)));
}
