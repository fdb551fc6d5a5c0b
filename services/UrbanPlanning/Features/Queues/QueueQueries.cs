namespace CityEServices.UrbanPlanning.Features.Queues;

/// <summary>The queues' one query shape: requests with their files, oldest due date first (which puts the breached first), then oldest.</summary>
internal static class QueueQueries
{
    /// <summary>A request and its file; member-initialised (not a constructor) so EF can go on composing the query on it.</summary>
    public sealed class Row
    {
        public required ServiceRequest Request { get; init; }

        public required UrbanPlanningFile File { get; init; }
    }

    public static async Task<Page<QueueItem>> PageAsync(
        IQueryable<Row> rows, PageRequest page, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ordered = rows
            .OrderBy(r => r.Request.DueAt == null)
            .ThenBy(r => r.Request.DueAt)
            .ThenBy(r => r.Request.CreatedAt)
            .ThenBy(r => r.Request.Id);
        return await ordered.ToPageAsync(page, r => QueueItem.From(r.Request, r.File, caller, now), cancellationToken);
    }

    public static IQueryable<Row> Rows(UrbanPlanningDbContext db) =>
        db.Requests.AsNoTracking().Join(db.Files.AsNoTracking(), r => r.FileNumber, f => f.FileNumber, (r, f) => new Row { Request = r, File = f });
}
