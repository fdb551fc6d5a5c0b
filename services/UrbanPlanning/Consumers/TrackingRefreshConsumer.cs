namespace CityEServices.UrbanPlanning.Consumers;

/// <summary>
/// This service's own status changes, heard back from the broker: each drops the file's cached tracking
/// timeline. The endpoints already drop it after their commit; this covers moves made inside a consumer
/// (documents completing), whose commit no endpoint sees. Dropping twice is harmless, so no inbox.
/// </summary>
public sealed class TrackingRefreshConsumer(UrbanPlanningDbContext db, TrackingCache cache) : IConsumer<ServiceRequestStatusChanged>
{
    public async Task Consume(ConsumeContext<ServiceRequestStatusChanged> context)
    {
        var trackingCode = await db.Files.AsNoTracking()
            .Where(f => f.FileNumber == context.Message.FileNumber)
            .Select(f => f.TrackingCode)
            .SingleOrDefaultAsync(context.CancellationToken);
        if (trackingCode is not null)
        {
            await cache.InvalidateAsync(trackingCode);
        }
    }
}
