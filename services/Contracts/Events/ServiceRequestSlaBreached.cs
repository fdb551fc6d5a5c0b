namespace CityEServices.Contracts.Events;

/// <summary>
/// A service request went past its SLA due date (counted in Iranian working days, paused while it waited
/// on the citizen). Published once per request by urban planning's SLA sweeper, whichever replica ran it.
/// <paramref name="BreachedAt"/> is when the sweeper established the breach (at or after <paramref name="DueAt"/>).
/// </summary>
public sealed record ServiceRequestSlaBreached(
    Guid RequestId,
    string FileNumber,
    string OfficeCode,
    int District,
    string ServiceType,
    DateTimeOffset DueAt,
    DateTimeOffset BreachedAt) : IntegrationEvent;
