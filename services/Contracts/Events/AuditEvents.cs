namespace CityEServices.Contracts.Events;

/// <summary>
/// The newest entry of one of a service's hash-chained audit trails, as the service's database holds it now.
/// Published every hour (Audit:HeadInterval) by each replica of each service that chains tables; the archive
/// keeps every head it hears, so a history later rewritten or cut short no longer reaches a head the archive
/// holds (<c>GET …/audit/verify</c> compares). Internal: no webhook subscriber is offered it.
/// </summary>
/// <param name="Service">The publishing service's name (e.g. <c>urbanplanning</c>).</param>
/// <param name="Trail">The chained table.</param>
/// <param name="Sequence">The head entry's chain sequence number.</param>
/// <param name="Hash">The head entry's SHA-256, lower-case hex.</param>
public sealed record AuditHeadPublished(string Service, string Trail, long Sequence, string Hash) : IntegrationEvent;
