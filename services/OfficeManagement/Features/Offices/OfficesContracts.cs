namespace CityEServices.OfficeManagement.Api;

// Request bodies are loosely typed on purpose: the validators, not the JSON reader, decide what is
// wrong, so a client gets one 400 naming each bad field.

/// <summary><c>POST /api/offices</c>. <see cref="Status"/> is optional; a new office starts as Pilot.</summary>
public sealed record CreateOfficeRequest(string? Code, string? Name, int? District, string? Address, string? Status = null);

/// <summary><c>POST /api/offices/{code}/licences</c>.</summary>
public sealed record GrantLicenceRequest(string? ServiceType);

/// <summary><c>POST /api/offices/{code}/staff</c>.</summary>
public sealed record AddStaffRequest(string? NationalId, string? FullName, string? Role);

/// <summary>
/// <c>POST /api/staff/{nationalId}/qualifications</c>. An exam needs <see cref="Score"/> and passes on it
/// alone (<see cref="Passed"/> may be left out, and must agree if sent); an interview or training needs
/// <see cref="Passed"/> and may carry a score.
/// </summary>
public sealed record RecordQualificationRequest(string? ServiceType, string? Kind, decimal? Score, bool? Passed);

/// <summary><c>POST /api/offices/{code}/status</c>: Pilot, Active, Suspended or Closed, and why.</summary>
public sealed record ChangeStatusRequest(string? Status, string? Note);

/// <summary><c>POST /api/staff/{nationalId}/move</c>: the office to move to; the role stays unless given.</summary>
public sealed record MoveStaffRequest(string? OfficeCode, string? Role);
