namespace CityEServices.Archive.Jobs;

/// <summary>How far a fixity run has got, after a batch.</summary>
public sealed record FixityProgress(Guid RunId, FixityRunStatus Status, int DocumentsChecked, int DocumentsTotal, int Findings);

/// <summary>
/// Checks one batch of the next fixity run waiting: re-hashes the next <c>batchSize</c> contents (in hash
/// order, after the last one the run checked) and compares each with the address its documents expect;
/// each live document whose file is missing or whose bytes changed becomes a finding. The findings and
/// the run's progress commit together, so whoever works on the run next starts after this batch.
/// Content shared by several documents is hashed once.
/// </summary>
public sealed partial class FixityRunner(ArchiveDbContext db, ContentStore store, TimeProvider time, ILogger<FixityRunner> logger)
{
    /// <summary>The run's progress after one batch; null when no run is waiting.</summary>
    public async Task<FixityProgress?> RunNextBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        // An archivist's check goes first (someone is waiting for it), even between batches of a
        // whole-store run; then the oldest.
        var run = await db.FixityChecks
            .Where(c => c.Status != FixityRunStatus.Completed)
            .OrderBy(c => c.Trigger == FixityTrigger.Scheduled ? 1 : 0).ThenBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return null;
        }

        if (run.Status == FixityRunStatus.Pending)
        {
            var startedAt = time.GetDatabaseNow();
            run.Start(startedAt, await InScope(run.FileNumber, startedAt).CountAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }

        var scope = InScope(run.FileNumber, run.StartedAt!.Value);
        var after = run.CheckedThrough;
        var hashes = await scope
            .Where(d => after == null || string.Compare(d.Sha256, after) > 0)
            .Select(d => d.Sha256).Distinct().OrderBy(h => h).Take(batchSize)
            .ToListAsync(cancellationToken);

        if (hashes.Count > 0)
        {
            var actual = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var hash in hashes)
            {
                actual[hash] = await store.HashAsync(hash, cancellationToken);
            }

            // Asked after hashing: a document disposed of meanwhile is no longer expected to be there.
            var documents = await scope.Where(d => hashes.Contains(d.Sha256)).Select(d => new { d.Id, d.Sha256 }).ToListAsync(cancellationToken);
            var findings = documents.Where(d => actual[d.Sha256] != d.Sha256).Select(d => new FixityFinding
            {
                CheckId = run.Id,
                DocumentId = d.Id,
                ExpectedSha256 = d.Sha256,
                ActualSha256 = actual[d.Sha256],
                Problem = actual[d.Sha256] is null ? FixityProblem.Missing : FixityProblem.Mismatch,
            }).ToList();
            run.RecordBatch(hashes[^1], documents.Count, findings);
            if (findings.Count > 0)
            {
                LogFindings(logger, run.Id, findings.Count);
            }
        }

        if (hashes.Count < batchSize)
        {
            run.Complete(time.GetDatabaseNow());
        }

        // The run's status and checked-through hash are concurrency tokens: should two replicas ever work
        // the same batch (one whose lease lapsed unnoticed), the second to commit fails instead of counting it twice.
        await db.SaveChangesAsync(cancellationToken);
        var total = await db.FixityFindings.CountAsync(f => f.CheckId == run.Id, cancellationToken);
        if (run.Status == FixityRunStatus.Completed)
        {
            LogCompleted(logger, run.Id, run.DocumentsChecked, total);
        }

        return new FixityProgress(run.Id, run.Status, run.DocumentsChecked, run.DocumentsTotal, total);
    }

    /// <summary>Live documents the run covers: the whole store or one file, as archived when the run started.</summary>
    private IQueryable<Document> InScope(string? fileNumber, DateTimeOffset startedAt) =>
        db.Documents.AsNoTracking()
            .Where(d => d.DisposedAt == null && d.CreatedAt <= startedAt && (fileNumber == null || d.FileNumber == fileNumber));

    [LoggerMessage(LogLevel.Warning, "Fixity run {RunId} found {Findings} damaged or missing documents in a batch")]
    private static partial void LogFindings(ILogger logger, Guid runId, int findings);

    [LoggerMessage(LogLevel.Information, "Fixity run {RunId} completed: {Checked} documents checked, {Findings} findings")]
    private static partial void LogCompleted(ILogger logger, Guid runId, int @checked, int findings);
}
