namespace CityEServices.UrbanPlanning.Data;

/// <summary>The outcome of <see cref="FileOpener.OpenAsync"/>: the new file, or the file the property already has.</summary>
public sealed record OpenFileResult(UrbanPlanningFile? Opened, string? ExistingFileNumber);

/// <summary>
/// Writes a new file, its number and its <see cref="UrbanPlanningFileOpened"/> event in one transaction:
/// either all of them exist afterwards or none does. The file and the event name the operator by
/// <see cref="Caller.Actor"/>; the event carries the request's correlation id.
/// </summary>
public sealed class FileOpener(UrbanPlanningDbContext db, TimeProvider time)
{
    private const int TrackingCodeAttempts = 3;

    public async Task<OpenFileResult> OpenAsync(ValidOpenFile request, int district, Caller caller, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Drawn once per attempt, outside the retried block: if a commit succeeded but its
            // acknowledgement was lost, the retry then meets its own file and can recognise it.
            var trackingCode = TrackingCode.New();
            try
            {
                return await InsertAsync(request, district, caller, trackingCode, cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation(UrbanPlanningDbContext.TrackingCodeIndex) && attempt < TrackingCodeAttempts)
            {
                // Two 64-bit codes collided; the transaction rolled back (number included), so draw again.
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation(UrbanPlanningDbContext.RenovationCodeIndex))
            {
                // Another opening of this property committed between our look and our insert: the index
                // refused ours after that commit, so its file is there to be found.
                db.ChangeTracker.Clear();
                return await ExistingAsync(request.RenovationCode, trackingCode, cancellationToken)
                    ?? throw new InvalidOperationException("The file that blocked this one has disappeared.", ex);
            }
        }
    }

    private Task<OpenFileResult> InsertAsync(ValidOpenFile request, int district, Caller caller, string trackingCode, CancellationToken cancellationToken)
    {
        // Aspire turns on EF's retrying strategy, which only allows a user transaction inside ExecuteAsync;
        // a retry replays the whole unit (allocation, insert, event) from a clean change tracker.
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            if (await ExistingAsync(request.RenovationCode, trackingCode, ct) is { } existing)
            {
                return existing;
            }

            // From the allocation to the commit every opening in the district waits on its counter row, so
            // nothing is asked in between that could be asked before (the property's file, above: a file
            // opened since is refused by the renovation-code index and found by OpenAsync), and no savepoint
            // is taken around SaveChanges (a failure replays the whole unit): three round trips under the lock.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var fileNumber = await FileNumberAllocator.NextAsync(db, district, ct);

            var openedAt = time.GetUtcNow();
            var file = UrbanPlanningFile.Open(
                fileNumber,
                trackingCode,
                request.RenovationCode,
                district,
                request.OfficeCode,
                request.ApplicantNationalId.Value,
                caller.Actor,
                caller.Name is null ? null : Truncate(caller.Name),
                openedAt,
                request.ApplicantMobile);
            db.Files.Add(file);
            db.PublishOnCommit(new UrbanPlanningFileOpened(
                file.FileNumber,
                file.RenovationCode,
                file.District,
                file.OfficeCode,
                file.ApplicantNationalId,
                caller.Actor)
            {
                OccurredAt = openedAt,
                CorrelationId = caller.CorrelationId,
                // Notifications texts the applicant (file opened, each move of a request) quoting the tracking code.
                ApplicantMobile = file.ApplicantMobile,
                TrackingCode = file.TrackingCode,
            });

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new OpenFileResult(file, null);
        }, cancellationToken);
    }

    /// <summary>The property's file if it has one: ours when it carries our tracking code (a retried commit), else a conflict.</summary>
    private async Task<OpenFileResult?> ExistingAsync(RenovationCode renovationCode, string trackingCode, CancellationToken cancellationToken)
    {
        var existing = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.RenovationCode == renovationCode.Value, cancellationToken);
        return existing is null ? null
            : existing.TrackingCode == trackingCode ? new OpenFileResult(existing, null)
            : new OpenFileResult(null, existing.FileNumber);
    }

    private static string Truncate(string value) => value.Length <= 200 ? value : value[..200];
}
