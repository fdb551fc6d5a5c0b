namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>
/// The district's reviewer assigns a registered engineer to the file's issued building permit, within
/// the engineer's capacity; one engineer supervises a permit at a time.
/// </summary>
public sealed class AssignSupervisor(UrbanPlanningDbContext db, FileByLaw access, TimeProvider time)
{
    public async Task<Outcome<AssignmentResponse>> HandleAsync(string fileNumber, AssignSupervisorBody body, Caller caller, CancellationToken cancellationToken)
    {
        if (EngineerRules.NormalizeLicence(body.LicenceNumber) is not { } licence)
        {
            return Problem.Invalid("licenceNumber", EngineerRules.LicenceError);
        }

        var found = await SupervisedFiles.FindAsync(db, access, fileNumber, caller, (c, _) => SupervisionAccess.CanAssign(c), cancellationToken);
        if (!found.Succeeded)
        {
            return found.Problem!;
        }

        var file = found.Value;
        var permit = await db.IssuedBuildingPermitAsync(file.FileNumber, cancellationToken);
        if (permit?.IssuedNumber is not { } permitNumber)
        {
            return Problem.Conflict("BuildingPermitNotIssued", "The file has no issued building permit.", "A supervising engineer is assigned to an issued building permit.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(ct => AssignAsync(file, permitNumber, licence, caller, ct), cancellationToken);
    }

    private async Task<Outcome<AssignmentResponse>> AssignAsync(UrbanPlanningFile file, string permitNumber, string licence, Caller caller, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The engineer's row lock serialises assignments to them, so two cannot both take the last place.
        var engineer = await db.Engineers.FromSql($"SELECT * FROM engineers WHERE licence_number = {licence} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (engineer is null)
        {
            return Problem.NotFound("Engineer not found.", $"No engineer with licence {licence} is registered.");
        }

        if (await db.SupervisorAssignments.AnyAsync(a => a.PermitNumber == permitNumber && a.CompletedAt == null, cancellationToken))
        {
            return Problem.Conflict("SupervisorAlreadyAssigned", "The permit already has a supervising engineer.", $"Permit {permitNumber} is supervised.");
        }

        var active = await db.SupervisorAssignments.CountAsync(a => a.LicenceNumber == licence && a.CompletedAt == null, cancellationToken);
        if (!SupervisionRules.HasRoom(engineer, active))
        {
            return Problem.Conflict("EngineerAtCapacity", "The engineer supervises as many buildings as allowed.",
                $"Engineer {licence} supervises {active} of {engineer.Capacity} buildings.");
        }

        var now = time.GetDatabaseNow();
        var assignment = new SupervisorAssignment(Guid.CreateVersion7(now), file.FileNumber, permitNumber, licence, now, caller.Actor);
        db.SupervisorAssignments.Add(assignment);
        db.PublishOnCommit(new SupervisorAssigned(file.FileNumber, file.RenovationCode, permitNumber, licence)
        {
            OccurredAt = now,
            CorrelationId = caller.CorrelationId,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AssignmentResponse(assignment.Id, file.FileNumber, permitNumber, licence, DualTime.From(now));
    }
}
