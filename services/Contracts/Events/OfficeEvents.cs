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

/// <summary>
/// Something changed that can change an authorisation answer (office status, a licence, a staff
/// record, a qualification): services that cache <c>AuthorizeService</c> answers drop those about
/// <see cref="OfficeCode"/> (every operator there) or <see cref="NationalId"/> (that person anywhere).
/// </summary>
public sealed record OfficeAuthorizationChanged(
    string? OfficeCode,
    string? NationalId,
    string Change) : IntegrationEvent;
