namespace CityEServices.Contracts.Events;

public sealed record DocumentArchived(
    Guid DocumentId,
    string Category,
    string? RenovationCode,
    string? FileNumber,
    string Sha256,
    long SizeBytes,
    int Version) : IntegrationEvent;
