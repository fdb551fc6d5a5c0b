namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>
/// A stage report of the file's supervising engineer, filed at the file's office (by an operator
/// authorised now for supervising-engineer affairs) or by the district's reviewer: stages in order, once each, each citing a report document the archive announced. The Final
/// report ends the assignment and frees the engineer's place.
/// </summary>
public sealed class FileSupervisorReport(UrbanPlanningDbContext db, FileByLaw access, TimeProvider time)
{
    public async Task<Outcome<ReportResponse>> HandleAsync(string fileNumber, FileReportBody body, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!EnumNames.TryParse<SupervisionStage>(body.Stage, out var stage))
        {
            errors.Add("stage", $"Stage must be one of {string.Join(", ", Enum.GetNames<SupervisionStage>())}.");
        }

        if (body.DocumentId is not { } documentId || documentId == Guid.Empty)
        {
            errors.Add("documentId", "The archived report's document id is required.");
            documentId = Guid.Empty;
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var found = await SupervisedFiles.FindAsync(db, access, fileNumber, caller, SupervisionAccess.CanFileReport, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var file = found.Value;
        var assignment = await db.SupervisorAssignments.Where(a => a.FileNumber == file.FileNumber && a.CompletedAt == null).SingleOrDefaultAsync(cancellationToken);
        if (assignment is null)
        {
            return Problem.Conflict("NoSupervisorAssigned", "The file has no supervising engineer.", $"Assign an engineer to file {file.FileNumber} first.");
        }

        if (await RefusedAsync(file, assignment, stage, documentId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var now = time.GetDatabaseNow();
        var report = new SupervisorReport(Guid.CreateVersion7(now), assignment.Id, file.FileNumber, assignment.LicenceNumber, stage, documentId, now, caller.Actor);
        db.SupervisorReports.Add(report);
        if (stage == SupervisionStage.Final)
        {
            assignment.Complete(now);
        }

        db.PublishOnCommit(new SupervisorReportFiled(file.FileNumber, file.RenovationCode, assignment.LicenceNumber, stage.ToString(), documentId)
        {
            OccurredAt = now,
            CorrelationId = caller.CorrelationId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problem.Conflict("StageOutOfOrder", "Stage reports are filed in order, once each.", $"The {stage} report was filed concurrently.");
        }

        return ReportResponse.From(report);
    }

    /// <summary>Null when <paramref name="stage"/> is the one due and the cited document is an archived report of this file.</summary>
    private async Task<Problem?> RefusedAsync(UrbanPlanningFile file, SupervisorAssignment assignment, SupervisionStage stage, Guid documentId, CancellationToken cancellationToken)
    {
        var filed = await db.SupervisorReports.Where(r => r.AssignmentId == assignment.Id).Select(r => r.Stage).ToListAsync(cancellationToken);
        if (SupervisionRules.NextStage(filed) is var next && next != stage)
        {
            return Problem.Conflict("StageOutOfOrder", "Stage reports are filed in order, once each.",
                $"The next report due is {next?.ToString() ?? "none"}.");
        }

        var cited = await db.ArchivedDocuments.AnyAsync(
            d => d.DocumentId == documentId && d.Category == DocumentCategories.SupervisorReport
                && (d.FileNumber == file.FileNumber || d.RenovationCode == file.RenovationCode), cancellationToken);
        return cited ? null : Problem.Conflict("DocumentNotArchived", "The report document is not in the archive.",
            $"Document {documentId} is not an archived {DocumentCategories.SupervisorReport} of file {file.FileNumber} (yet).");
    }
}
