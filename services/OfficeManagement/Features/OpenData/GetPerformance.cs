using Microsoft.Extensions.Caching.Hybrid;

namespace CityEServices.OfficeManagement.Features.OpenData;

/// <summary>
/// The city's performance for anyone: requests submitted in a range of Solar Hijri months, grouped by
/// office, by the office's district or by service type. Computed once per range and grouping and kept
/// for <see cref="OpenDataOptions.CacheDuration"/> in memory and in Redis (shared by every replica).
/// </summary>
public sealed class GetPerformance(OfficeManagementDbContext db, HybridCache cache, IOptions<OpenDataOptions> options, TimeProvider time)
{
    public const int MaxMonths = 24;

    // The shape of a cached answer: raised when it changes, so a replica never reads another version's.
    private const string Schema = "v2";

    public async Task<Outcome<PerformanceReport>> HandleAsync(string? from, string? to, string? groupBy, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var first = Month(from, "from", errors);
        var last = Month(to, "to", errors);
        var grouping = Grouping(groupBy, errors);
        if (first is { } f && last is { } l)
        {
            if (f > l)
            {
                errors.Add("to", $"'to' ({l}) must not be before 'from' ({f}).");
            }
            else if (f.MonthsThrough(l) > MaxMonths)
            {
                errors.Add("to", $"A range covers at most {MaxMonths} months; {f} to {l} is {f.MonthsThrough(l)}.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        var settings = options.Value;
        var key = $"{settings.KeyPrefix}:open-data:{Schema}:performance:{first}:{last}:{grouping}";
        var entry = new HybridCacheEntryOptions { Expiration = settings.CacheDuration, LocalCacheExpiration = settings.CacheDuration };
        return await cache.GetOrCreateAsync(
            key,
            (First: first!.Value, Last: last!.Value, Grouping: grouping!, Self: this),
            static (state, token) => new ValueTask<PerformanceReport>(state.Self.ComputeAsync(state.First, state.Last, state.Grouping, token)),
            entry,
            cancellationToken: cancellationToken);
    }

    private async Task<PerformanceReport> ComputeAsync(SolarMonth first, SolarMonth last, string grouping, CancellationToken cancellationToken)
    {
        var start = first.Start;
        var end = last.Next.Start;
        var requests = await db.RequestRecords.AsNoTracking()
            .Where(r => r.SubmittedAt >= start && r.SubmittedAt < end)
            .Select(r => new MeasuredRequest(r.OfficeCode, r.ServiceType, r.SubmittedAt!.Value, r.IssuedAt, r.SlaBreached, r.ReturnedForMissingDocuments, r.FeePaidRial))
            .ToListAsync(cancellationToken);
        var offices = await db.Offices.AsNoTracking()
            .Select(o => new { Code = o.Code.Value, o.Name, o.District })
            .ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);

        // Events name offices we may no longer list; their requests count, under "unknown" for the district.
        var groups = grouping switch
        {
            PerformanceGrouping.Office => requests.GroupBy(r => r.OfficeCode, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, offices.TryGetValue(g.Key, out var office) ? office.Name : null, (IReadOnlyCollection<MeasuredRequest>)[.. g])),
            PerformanceGrouping.District => requests.GroupBy(r => offices.TryGetValue(r.OfficeCode, out var office) ? (int?)office.District : null)
                .OrderBy(g => g.Key ?? int.MaxValue)
                .Select(g => (g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", (string?)null, (IReadOnlyCollection<MeasuredRequest>)[.. g])),
            _ => requests.GroupBy(r => r.ServiceType, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, ServiceTypeCatalog.Find(g.Key)?.TitleFa, (IReadOnlyCollection<MeasuredRequest>)[.. g])),
        };

        var calendar = WorkingCalendar.Current;
        return new PerformanceReport(
            first.ToString(),
            last.ToString(),
            grouping,
            PerformanceMeasures.MinimumCellSize,
            DualTime.From(time.GetUtcNow()),
            PerformanceMeasures.Measure("all", null, requests, calendar),
            PerformanceMeasures.MeasureGroups(groups, calendar));
    }

    private static SolarMonth? Month(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"'{field}' is required: a Solar Hijri month such as 1404/01.");
            return null;
        }

        if (!SolarMonth.TryParse(text, out var month))
        {
            errors.Add(field, $"'{text}' is not a Solar Hijri month in the form yyyy/MM, such as 1404/01.");
            return null;
        }

        return month;
    }

    private static string? Grouping(string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PerformanceGrouping.Office;
        }

        var match = PerformanceGrouping.All.FirstOrDefault(g => string.Equals(g, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add("groupBy", $"'{text}' is not a grouping; use one of {string.Join(", ", PerformanceGrouping.All)}.");
        }

        return match;
    }
}
