using CityEServices.Web.Authorization;

namespace CityEServices.Identity.Features.Audit;

/// <summary>Recomputes the hash chain of the account changes (admins only).</summary>
public sealed class VerifyAuditChain(IdentityDataContext db)
{
    public async Task<Outcome<AuditChainResponse>> HandleAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(OfficeAuthorizations.RoleNotAllowed, "Only an admin verifies the audit trail.");
        }

        var report = await db.VerifyAuditChainAsync(IdentityDataContext.AccountChangesTable, cancellationToken);
        return new AuditChainResponse(
            IdentityDataContext.AccountChangesTable,
            report.Intact,
            report.Entries,
            report.HeadSequence,
            report.HeadHash is null ? null : Convert.ToHexStringLower(report.HeadHash),
            report.FirstBroken is { } broken ? new BrokenEntryResponse(broken.Sequence, broken.Id, broken.Reason) : null);
    }
}
