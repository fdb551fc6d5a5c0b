using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Infrastructure.Storage;
using CityEServices.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Archive.Features.Fixity;

/// <summary>
/// Re-hashes stored content and compares it with the address the metadata expects: each live document
/// whose file is missing or whose bytes changed becomes a finding. Content shared by several documents
/// is hashed once. The run and its findings are kept.
/// </summary>
public sealed partial class FixityRunner(ArchiveDbContext db, ContentStore store, TimeProvider time, ILogger<FixityRunner> logger)
{
    /// <param name="fileNumber">The dossier to check, or null for the whole store.</param>
    /// <param name="caller">Who asked: an archivist, or the archive itself on its schedule.</param>
    public async Task<FixityCheck> RunAsync(FixityTrigger trigger, string? fileNumber, Caller caller, CancellationToken cancellationToken)
    {
        var check = new FixityCheck
        {
            Id = Guid.CreateVersion7(),
            Trigger = trigger,
            FileNumber = fileNumber,
            RequestedBy = caller.Actor,
            StartedAt = time.GetDatabaseNow(),
        };

        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.DisposedAt == null && (fileNumber == null || d.FileNumber == fileNumber))
            .OrderBy(d => d.Sha256)
            .Select(d => new { d.Id, d.Sha256 })
            .ToListAsync(cancellationToken);

        foreach (var group in documents.GroupBy(d => d.Sha256))
        {
            var actual = await store.HashAsync(group.Key, cancellationToken);
            if (actual == group.Key)
            {
                continue;
            }

            foreach (var document in group)
            {
                check.Findings.Add(new FixityFinding
                {
                    CheckId = check.Id,
                    DocumentId = document.Id,
                    ExpectedSha256 = group.Key,
                    ActualSha256 = actual,
                    Problem = actual is null ? FixityProblem.Missing : FixityProblem.Mismatch,
                });
            }
        }

        check.DocumentsChecked = documents.Count;
        check.FinishedAt = time.GetDatabaseNow();
        db.FixityChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        if (check.Findings.Count > 0)
        {
            LogFindings(logger, check.Id, check.Findings.Count, check.DocumentsChecked);
        }

        return check;
    }

    [LoggerMessage(LogLevel.Warning, "Fixity check {CheckId} found {Findings} damaged or missing documents among {Checked}")]
    private static partial void LogFindings(ILogger logger, Guid checkId, int findings, int @checked);
}
