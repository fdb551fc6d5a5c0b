namespace CityEServices.OfficeManagement.Features.Scorecards;

/// <summary>
/// The figures of a scorecard. <see cref="Returned"/> counts requests returned at least once (for any
/// reason); <see cref="FirstTimeRightRate"/> is the share never returned for missing documents;
/// <see cref="MedianTurnaroundHours"/> runs from submission (or from the documents being complete) to
/// issue, over issued requests; rates and medians are null when there is nothing to measure.
/// </summary>
public sealed record ScorecardFigures(
    int Requests,
    int Issued,
    int Returned,
    int Rejected,
    decimal? FirstTimeRightRate,
    double? MedianTurnaroundHours,
    int SlaBreaches)
{
    public static ScorecardFigures None { get; } = new(0, 0, 0, 0, null, null, 0);

    public decimal? SlaBreachRate => Requests == 0 ? null : Math.Round((decimal)SlaBreaches / Requests, 4);

    public static ScorecardFigures From(ScorecardRow row) => new(
        (int)row.Requests,
        (int)row.Issued,
        (int)row.Returned,
        (int)row.Rejected,
        row.Requests == 0 ? null : Math.Round((decimal)row.FirstTimeRight / row.Requests, 4),
        row.MedianTurnaroundSeconds is { } seconds ? Math.Round(seconds / 3600, 2) : null,
        (int)row.SlaBreaches);
}

public sealed record ServiceTypeScorecard(string ServiceType, string? TitleFa, string? TitleEn, ScorecardFigures Figures);

public sealed record OfficeScorecardResponse(
    string OfficeCode,
    string Name,
    int District,
    OfficeStatus Status,
    DualTime GeneratedAt,
    ScorecardFigures Totals,
    IReadOnlyList<ServiceTypeScorecard> ByServiceType);

/// <summary>One line of the city-wide ranking; <see cref="Rank"/> is the place among every ranked office, not the page.</summary>
public sealed record RankedOfficeScorecard(int Rank, string OfficeCode, string Name, int District, OfficeStatus Status, ScorecardFigures Totals);
