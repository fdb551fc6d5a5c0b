namespace CityEServices.Contracts.Events;

public sealed record OfficeLicenceChanged(
    string OfficeCode,
    string ServiceType,
    bool Granted,
    string ChangedBy) : IntegrationEvent;

public sealed record StaffCertified(
    string NationalId,
    string OfficeCode,
    string ServiceType,
    DateTimeOffset ExpiresAt) : IntegrationEvent;
