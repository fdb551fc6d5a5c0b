namespace CityEServices.OfficeManagement.Features.OpenData;

/// <summary>How <c>GET /api/open-data/performance</c> groups its rows.</summary>
public static class PerformanceGrouping
{
    public const string Office = "office";
    public const string District = "district";
    public const string ServiceType = "serviceType";

    public static IReadOnlyList<string> All { get; } = [Office, District, ServiceType];
}

/// <summary>
/// One row of the open performance data: a group (an office, a district, a service type) or the whole
/// range (<see cref="Key"/> <c>all</c>). A row with fewer requests than <see cref="PerformanceReport.MinimumCellSize"/>
/// is listed <see cref="Suppressed"/> with every figure null, so no citizen can be singled out.
/// Turnarounds are Iranian working days (Fridays and official holidays not counted) from submission,
/// or from the documents being complete, to issue; rates are shares of the row's requests; fees are the
/// rials paid for the row's requests (whenever paid).
/// </summary>
public sealed record PerformanceRow(
    string Key,
    string? Name,
    bool Suppressed,
    int? Requests,
    int? Issued,
    double? MedianTurnaroundWorkingDays,
    double? P90TurnaroundWorkingDays,
    decimal? SlaCompliance,
    decimal? FirstTimeRightRate,
    decimal? FeesCollectedRial);

/// <summary>
/// The city's performance over the requests submitted in the months <see cref="From"/> to <see cref="To"/>
/// (Solar Hijri, both included).
/// </summary>
public sealed record PerformanceReport(
    string From,
    string To,
    string GroupBy,
    int MinimumCellSize,
    DualTime GeneratedAt,
    PerformanceRow Total,
    IReadOnlyList<PerformanceRow> Groups);
