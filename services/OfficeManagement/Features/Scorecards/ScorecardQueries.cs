namespace CityEServices.OfficeManagement.Features.Scorecards;

/// <summary>One office's figures, for one service type or (ServiceType null) over all of them.</summary>
public sealed record ScorecardRow(
    string OfficeCode,
    string? ServiceType,
    long Requests,
    long Issued,
    long Returned,
    long Rejected,
    long FirstTimeRight,
    long SlaBreaches,
    double? MedianTurnaroundSeconds);

/// <summary>
/// Scorecards are computed when read, in one grouped query over request_records, so they are never out
/// of step with the events applied (the median needs every turnaround; PostgreSQL has it in one pass).
/// </summary>
public static class ScorecardQueries
{
    // Per (office, type) and per office in one scan; grouping() tells the two kinds of row apart.
    private const string PerType = """CASE WHEN grouping(service_type) = 1 THEN NULL ELSE service_type END""";

    private const string Figures = """
               count(*) AS "Requests",
               count(issued_at) AS "Issued",
               count(*) FILTER (WHERE return_count > 0) AS "Returned",
               count(*) FILTER (WHERE rejected) AS "Rejected",
               count(*) FILTER (WHERE NOT returned_for_missing_documents) AS "FirstTimeRight",
               count(*) FILTER (WHERE sla_breached) AS "SlaBreaches",
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM issued_at - submitted_at)::double precision)
                   FILTER (WHERE issued_at IS NOT NULL AND submitted_at IS NOT NULL) AS "MedianTurnaroundSeconds"
        FROM request_records
        """;

    public static Task<List<ScorecardRow>> ForOfficeAsync(this OfficeManagementDbContext db, string officeCode, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<ScorecardRow>(
                "SELECT office_code AS \"OfficeCode\", " + PerType + " AS \"ServiceType\"," + Figures
                + " WHERE office_code = {0} GROUP BY GROUPING SETS ((office_code, service_type), (office_code))",
                officeCode)
            .ToListAsync(cancellationToken);

    /// <summary>Totals per office (no per-type rows), city-wide.</summary>
    public static Task<List<ScorecardRow>> OfficeTotalsAsync(this OfficeManagementDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<ScorecardRow>("SELECT office_code AS \"OfficeCode\", NULL::text AS \"ServiceType\"," + Figures + " GROUP BY office_code")
            .ToListAsync(cancellationToken);
}
