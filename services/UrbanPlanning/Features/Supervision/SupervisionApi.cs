namespace CityEServices.UrbanPlanning.Features.Supervision;

/// <summary>
/// Supervising engineers: the registry (admin), assignment to a file's issued building permit (the
/// district's reviewer; within the engineer's capacity) and stage reports citing an archived document
/// (filed at the file's office or by the district's reviewer).
/// </summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/urban-planning").WithTags("Supervising engineers");
        group.MapPost("/engineers", RegisterAsync).WithName("RegisterEngineer");
        group.MapGet("/engineers/{licenceNumber}", GetEngineerAsync).WithName("GetEngineer");
        group.MapPost("/files/{fileNumber}/supervision", AssignAsync).WithName("AssignSupervisor");
        group.MapPost("/files/{fileNumber}/supervision/reports", FileReportAsync).WithName("FileSupervisorReport");
        return app;
    }

    public static async Task<Results<Created<EngineerResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterEngineerBody body, Caller caller, RegisterEngineer registerEngineer, CancellationToken cancellationToken) =>
        (await registerEngineer.HandleAsync(body, caller, cancellationToken))
            .ToCreated(engineer => $"/api/urban-planning/engineers/{engineer.LicenceNumber}");

    public static async Task<Results<Ok<EngineerResponse>, ProblemHttpResult>> GetEngineerAsync(
        string licenceNumber, Caller caller, GetEngineer getEngineer, CancellationToken cancellationToken) =>
        (await getEngineer.HandleAsync(licenceNumber, caller, cancellationToken)).ToOk();

    public static async Task<Results<Created<AssignmentResponse>, ProblemHttpResult>> AssignAsync(
        string fileNumber, AssignSupervisorBody body, Caller caller, AssignSupervisor assignSupervisor, CancellationToken cancellationToken) =>
        (await assignSupervisor.HandleAsync(fileNumber, body, caller, cancellationToken))
            .ToCreated(assignment => $"/api/urban-planning/files/{assignment.FileNumber}/supervision");

    public static async Task<Results<Created<ReportResponse>, ProblemHttpResult>> FileReportAsync(
        string fileNumber, FileReportBody body, Caller caller, FileSupervisorReport fileReport, CancellationToken cancellationToken) =>
        (await fileReport.HandleAsync(fileNumber, body, caller, cancellationToken))
            .ToCreated(report => $"/api/urban-planning/files/{report.FileNumber}/supervision/reports/{report.ReportId}");
}
