using CityEServices.Web.Authorization;

namespace CityEServices.Property.Features.Audit;

/// <summary>Recomputes the hash chain of the property history (admins only).</summary>
public sealed class VerifyAuditChain(PropertyDbContext db)
{
    public async Task<Outcome<AuditChainResponse>> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(OfficeAuthorizations.RoleNotAllowed, "Only an admin verifies the audit trail.");
        }

        var report = await db.VerifyAuditChainAsync(PropertyDbContext.HistoryTable, cancellationToken);
        return new AuditChainResponse(
            PropertyDbContext.HistoryTable,
            report.Intact,
            report.Entries,
            report.HeadSequence,
            report.HeadHash is null ? null : Convert.ToHexStringLower(report.HeadHash),
            report.FirstBroken is { } broken ? new BrokenEntryResponse(broken.Sequence, broken.Id, broken.Reason) : null);
    }
}
