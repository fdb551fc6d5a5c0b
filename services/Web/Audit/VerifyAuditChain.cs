using CityEServices.Contracts.Security;
using CityEServices.Messaging.Persistence;
using CityEServices.Web.Authorization;
using CityEServices.Web.Callers;
using CityEServices.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Audit;

/// <summary>Recomputes the hash chain of one audited table (admins only).</summary>
public static class VerifyAuditChain
{
    public static async Task<Outcome<AuditChainResponse>> HandleAsync(Caller caller, DbContext db, string table, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(OfficeAuthorizations.RoleNotAllowed, "Only an admin verifies the audit trail.");
        }

        var report = await db.VerifyAuditChainAsync(table, cancellationToken);
        return new AuditChainResponse(
            table,
            report.Intact,
            report.Entries,
            report.HeadSequence,
            report.HeadHash is null ? null : Convert.ToHexStringLower(report.HeadHash),
            report.FirstBroken is { } broken ? new BrokenEntryResponse(broken.Sequence, broken.Id, broken.Reason) : null);
    }
}
