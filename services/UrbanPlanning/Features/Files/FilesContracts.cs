namespace CityEServices.UrbanPlanning.Features.Files;

/// <summary>Fields are strings so that every problem can be reported per field in one 400, not one JSON error at a time.</summary>
/// <param name="ApplicantMobile">Optional: the applicant's Iranian mobile for SMS about the file (09…; kept as +989…).</param>
public sealed record OpenFileRequest(string? RenovationCode, string? ApplicantNationalId, string? OfficeCode, string? ApplicantMobile = null);

public sealed record OpenFileResponse(string FileNumber, string TrackingCode, FileStatus Status)
{
    /// <summary>The mobile SMS go to (+989…), masked for a client without <c>pii.read</c>; null when none was given.</summary>
    public string? ApplicantMobile { get; init; }
}

public sealed record FileResponse(
    string FileNumber,
    string TrackingCode,
    FileStatus Status,
    string RenovationCode,
    int District,
    string OfficeCode,
    string ApplicantNationalId,
    string OpenedBy,
    string? OpenedByName,
    DualTime OpenedAt,
    IReadOnlyList<RequestResponse> Requests)
{
    /// <summary>The file's own timeline: hand-overs between offices (both codes) and changes of owners.</summary>
    public IReadOnlyList<Tracking.FileChangeResponse> Changes { get; init; } = [];

    /// <summary>Who may track the file and apply on it now (the owners after a transfer), masked for a client without <c>pii.read</c>.</summary>
    public IReadOnlyList<string> Holders { get; init; } = [];

    /// <summary>The file's supervising engineers (current and past) and their stage reports.</summary>
    public IReadOnlyList<SupervisionResponse> Supervision { get; init; } = [];

    /// <summary>The mobile SMS about the file go to (+989…), masked for a client without <c>pii.read</c>; null when none was given.</summary>
    public string? ApplicantMobile { get; init; }

    /// <summary>The file as <paramref name="reader"/> may read it: the applicant's national ID and mobile masked for a client without <c>pii.read</c>.</summary>
    public static FileResponse From(UrbanPlanningFile file, IReadOnlyList<RequestResponse> requests, Caller reader) => new(
        file.FileNumber,
        file.TrackingCode,
        file.Status,
        file.RenovationCode,
        file.District,
        file.OfficeCode,
        reader.Shown(file.ApplicantNationalId)!,
        file.OpenedBy,
        file.OpenedByName,
        DualTime.From(file.OpenedAt),
        requests)
    {
        ApplicantMobile = reader.ShownMobile(file.ApplicantMobile),
        Holders = [.. file.HolderNationalIds.Select(id => reader.Shown(id)!)],
    };
}

public sealed record SupervisionResponse(Guid AssignmentId, string PermitNumber, string LicenceNumber, DualTime AssignedAt, DualTime? CompletedAt, IReadOnlyList<ReportResponse> Reports);
