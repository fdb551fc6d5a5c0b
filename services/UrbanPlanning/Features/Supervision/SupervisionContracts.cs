namespace CityEServices.UrbanPlanning.Features.Supervision;

public sealed record RegisterEngineerBody(string? LicenceNumber, string? FullName, string? Grade, int? Capacity);

public sealed record EngineerResponse(string LicenceNumber, string FullName, EngineerGrade Grade, int Capacity, int ActiveAssignments);

public sealed record AssignSupervisorBody(string? LicenceNumber);

public sealed record AssignmentResponse(Guid AssignmentId, string FileNumber, string PermitNumber, string LicenceNumber, DualTime AssignedAt);

public sealed record FileReportBody(string? Stage, Guid? DocumentId);

public sealed record ReportResponse(Guid ReportId, string FileNumber, string LicenceNumber, SupervisionStage Stage, Guid DocumentId, DualTime FiledAt)
{
    public static ReportResponse From(SupervisorReport report) =>
        new(report.Id, report.FileNumber, report.LicenceNumber, report.Stage, report.DocumentId, DualTime.From(report.FiledAt));
}
