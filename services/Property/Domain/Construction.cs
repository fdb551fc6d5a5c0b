namespace CityEServices.Property.Domain;

/// <summary>
/// What a building permit allows on the property (تراکم مجاز), recorded from urban planning's
/// <c>BuildingPermitIssued</c> event.
/// </summary>
public sealed record PermittedConstruction(string PermitNumber, int Floors, decimal BuildingAreaM2, string Usage, DateTimeOffset IssuedAt);

/// <summary>
/// What was actually built (پایان کار), recorded from urban planning's
/// <c>CompletionCertificateIssued</c> event.
/// </summary>
public sealed record CompletedConstruction(string CertificateNumber, int Floors, decimal BuildingAreaM2, DateTimeOffset IssuedAt);
