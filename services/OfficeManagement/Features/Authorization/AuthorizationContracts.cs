namespace CityEServices.OfficeManagement.Features.Authorization;

/// <summary>
/// The authorisation answer as <c>AuthorizeService</c> gives it (reason null when allowed), and until when
/// an allowed answer holds by itself (the certification's expiry; null when refused).
/// </summary>
public sealed record AuthorizationDecisionResponse(
    string OfficeCode,
    string OperatorNationalId,
    string ServiceType,
    bool Allowed,
    string? Reason,
    string Detail,
    DualTime? ExpiresAt);
