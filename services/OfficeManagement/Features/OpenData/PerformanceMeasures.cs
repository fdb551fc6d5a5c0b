namespace CityEServices.OfficeManagement.Features.OpenData;

/// <summary>What the open data needs of one request record, read from <c>request_records</c>.</summary>
public sealed record MeasuredRequest(
    string OfficeCode,
    string ServiceType,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? IssuedAt,
    bool SlaBreached,
    bool ReturnedForMissingDocuments,
    decimal? FeePaidRial = null);

/// <summary>
/// The measures of a group of requests, with the scorecards' definitions (<see cref="Scorecards.ScorecardQueries"/>):
/// first-time-right is never returned for missing documents, turnaround runs from the clock's start to
/// issue. Turnaround is counted here rather than in SQL because it is in working days, which need the
/// holiday table (<see cref="WorkingCalendar"/>); percentiles interpolate as PostgreSQL's percentile_cont does.
/// </summary>
public static class PerformanceMeasures
{
    /// <summary>Groups (and a whole range) of fewer requests than this are published without figures.</summary>
    public const int MinimumCellSize = 5;

    public static PerformanceRow Measure(string key, string? name, IReadOnlyCollection<MeasuredRequest> requests, WorkingCalendar calendar)
    {
        if (requests.Count < MinimumCellSize)
        {
            return Suppressed(key, name);
        }

        var turnarounds = requests
            .Where(r => r.IssuedAt is not null)
            .Select(r => calendar.WorkingTime(r.SubmittedAt, r.IssuedAt!.Value).TotalDays)
            .Order()
            .ToArray();
        return new PerformanceRow(
            key,
            name,
            Suppressed: false,
            requests.Count,
            turnarounds.Length,
            Percentile(turnarounds, 0.5),
            Percentile(turnarounds, 0.9),
            Share(requests.Count(r => !r.SlaBreached), requests.Count),
            Share(requests.Count(r => !r.ReturnedForMissingDocuments), requests.Count),
            requests.Sum(r => r.FeePaidRial ?? 0));
    }

    public static PerformanceRow Suppressed(string key, string? name) => new(key, name, true, null, null, null, null, null, null, null);

    /// <summary>
    /// The groups, measured, with small ones suppressed. When the suppressed groups together hold fewer
    /// than <see cref="MinimumCellSize"/> requests, the total minus the published groups would give their
    /// counts away, so the smallest published groups are suppressed too until they hold enough.
    /// </summary>
    public static IReadOnlyList<PerformanceRow> MeasureGroups(
        IEnumerable<(string Key, string? Name, IReadOnlyCollection<MeasuredRequest> Requests)> groups, WorkingCalendar calendar)
    {
        var cells = groups.ToList();
        var hidden = new HashSet<string>(cells.Where(c => c.Requests.Count < MinimumCellSize).Select(c => c.Key), StringComparer.Ordinal);
        var hiddenRequests = cells.Where(c => hidden.Contains(c.Key)).Sum(c => c.Requests.Count);
        foreach (var cell in cells.Where(c => !hidden.Contains(c.Key)).OrderBy(c => c.Requests.Count).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (hiddenRequests is 0 or >= MinimumCellSize)
            {
                break;
            }

            hidden.Add(cell.Key);
            hiddenRequests += cell.Requests.Count;
        }

        return [.. cells.Select(c => hidden.Contains(c.Key) ? Suppressed(c.Key, c.Name) : Measure(c.Key, c.Name, c.Requests, calendar))];
    }

    /// <summary>The continuous percentile of sorted values (linear interpolation), in days to two decimals (halves away from zero, as people round); null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var position = fraction * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        var value = sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
        return Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    private static decimal? Share(int count, int of) => of == 0 ? null : Math.Round((decimal)count / of, 4, MidpointRounding.AwayFromZero);
}
