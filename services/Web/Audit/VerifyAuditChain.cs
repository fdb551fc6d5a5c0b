using CityEServices.Contracts.Security;
using CityEServices.Messaging.Persistence;
using CityEServices.Web.Authorization;
using CityEServices.Web.Callers;
using CityEServices.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Web.Audit;

/// <summary>Recomputes the hash chain of one of a service's audited tables and compares it with the archive's copy (admins only).</summary>
public static class VerifyAuditChain
{
    /// <param name="trail">The table asked for, or null for the default.</param>
    public static async Task<Outcome<AuditChainResponse>> HandleAsync(
        Caller caller, DbContext db, AuditTrails trails, IArchivedHeads archived, string? trail, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.Admin))
        {
            return Problem.Forbidden(OfficeAuthorizations.RoleNotAllowed, "Only an admin verifies the audit trail.");
        }

        var table = trail ?? trails.Tables[0];
        if (!trails.Tables.Contains(table, StringComparer.Ordinal))
        {
            return Problem.Invalid("trail", $"Not an audit trail of this service; one of: {string.Join(", ", trails.Tables)}.");
        }

        var report = await db.VerifyAuditChainAsync(table, cancellationToken);
        var heads = await archived.GetAsync(trails.Service, cancellationToken);
        var head = heads?.FirstOrDefault(h => h.Trail == table);
        var (check, broken) = heads is null ? (AuditHeadCheck.Unavailable, null)
            : head is null ? (AuditHeadCheck.NotArchived, null)
            : await CompareAsync(db, table, report, head, cancellationToken);
        var first = report.FirstBroken is { } chainBreak ? new BrokenEntryResponse(chainBreak.Sequence, chainBreak.Id, chainBreak.Reason) : broken;
        return new AuditChainResponse(
            table,
            first is null,
            report.Entries,
            report.HeadSequence,
            report.HeadHash is null ? null : Convert.ToHexStringLower(report.HeadHash),
            first,
            trails.Tables,
            check,
            head is null ? null : new ArchivedHeadResponse(head.Sequence, head.Hash, head.PublishedAt));
    }

    private static async Task<(string Check, BrokenEntryResponse? Broken)> CompareAsync(
        DbContext db, string table, AuditChainReport report, ArchivedHead head, CancellationToken cancellationToken)
    {
        if (report.HeadSequence is not { } last || last < head.Sequence)
        {
            return (AuditHeadCheck.Truncated, new BrokenEntryResponse(head.Sequence, null, AuditHeadCheck.Truncated));
        }

        var hash = await db.AuditEntryHashAsync(table, head.Sequence, cancellationToken);
        return hash is not null && Convert.ToHexStringLower(hash) == head.Hash
            ? (AuditHeadCheck.Matches, null)
            : (AuditHeadCheck.HeadMismatch, new BrokenEntryResponse(head.Sequence, null, AuditHeadCheck.HeadMismatch));
    }
}
