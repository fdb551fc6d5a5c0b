namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>
/// The record that a request's SLA was breached and announced. One per request (its key), written in
/// the same transaction as the <c>ServiceRequestSlaBreached</c> event's outbox row: a second sweeper,
/// or a second run, finds the row (or loses the insert) and announces nothing.
/// </summary>
public sealed class SlaBreach(Guid requestId, DateTimeOffset dueAt, DateTimeOffset breachedAt)
{
    public Guid RequestId { get; private set; } = requestId;

    public DateTimeOffset DueAt { get; private set; } = dueAt;

    public DateTimeOffset BreachedAt { get; private set; } = breachedAt;
}
