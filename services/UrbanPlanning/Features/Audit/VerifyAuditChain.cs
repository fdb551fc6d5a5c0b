namespace CityEServices.UrbanPlanning.Features.Audit;

/// <summary>Recomputes the hash chain of the request transitions (admins only).</summary>
public sealed class VerifyAuditChain(UrbanPlanningDbContext db)
{
    public async Task<Outcome<AuditChainResponse>> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only an admin verifies the audit trail.");
        }

        var report = await db.VerifyAuditChainAsync(UrbanPlanningDbContext.TransitionsTable, cancellationToken);
        return new AuditChainResponse(
            UrbanPlanningDbContext.TransitionsTable,
            report.Intact,
            report.Entries,
            report.HeadSequence,
            report.HeadHash is null ? null : Convert.ToHexStringLower(report.HeadHash),
            report.FirstBroken is { } broken ? new BrokenEntryResponse(broken.Sequence, broken.Id, broken.Reason) : null);
    }
}
