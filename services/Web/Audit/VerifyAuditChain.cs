using CityEServices.Contracts.Security;
using CityEServices.Messaging.Persistence;
using CityEServices.Web.Authorization;
using CityEServices.Web.Callers;
using CityEServices.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Audit;

/// <summary>Recomputes the hash chain of one of a service's audited tables (admins only).</summary>
public static class VerifyAuditChain
{
    /// <param name="trails">The service's chained tables, the default first.</param>
    /// <param name="trail">The table asked for, or null for the default.</param>
    public static async Task<Outcome<AuditChainResponse>> HandleAsync(
        Caller caller, DbContext db, IReadOnlyList<string> trails, string? trail, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(OfficeAuthorizations.RoleNotAllowed, "Only an admin verifies the audit trail.");
        }

        var table = trail ?? trails[0];
        if (!trails.Contains(table, StringComparer.Ordinal))
        {
            return Problem.Invalid("trail", $"Not an audit trail of this service; one of: {string.Join(", ", trails)}.");
        }

        var report = await db.VerifyAuditChainAsync(table, cancellationToken);
        return new AuditChainResponse(
            table,
            report.Intact,
            report.Entries,
            report.HeadSequence,
            report.HeadHash is null ? null : Convert.ToHexStringLower(report.HeadHash),
            report.FirstBroken is { } broken ? new BrokenEntryResponse(broken.Sequence, broken.Id, broken.Reason) : null,
            trails);
    }
}
