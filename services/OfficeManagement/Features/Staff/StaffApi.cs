namespace CityEServices.OfficeManagement.Features.Staff;

public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/offices/{code}/staff", AddAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithTags("Staff").WithName("AddStaff").WithSummary("Registers a person on the office's staff.");

        var staff = app.MapGroup("/api/staff").WithTags("Staff");
        staff.MapPost("/{nationalId}/qualifications", RecordQualificationAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("RecordQualification").WithSummary("Records an exam, interview or training attempt; every attempt is kept.");
        // Admins, and staff reading their own record (national_id claim).
        staff.MapGet("/{nationalId}/qualifications", GetQualificationsAsync).RequireAuthorization()
            .WithName("GetQualifications").WithSummary("Every attempt and the certification status per service type.");
        staff.MapGet("/{nationalId}", GetHistoryAsync).RequireAuthorization()
            .WithName("GetStaffHistory").WithSummary("Where the person serves and served: every engagement, newest first.");
        staff.MapPost("/{nationalId}/move", MoveAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("MoveStaff").WithSummary("Ends the person's current engagement and starts one at another office.");
        staff.MapPost("/{nationalId}/deactivate", DeactivateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("DeactivateStaff").WithSummary("Ends the person's current engagement; the record stays as history.");

        return app;
    }

    public static async Task<Results<Created<StaffResponse>, ProblemHttpResult>> AddAsync(
        string code, AddStaffRequest body, Caller caller, AddStaff addStaff, CancellationToken cancellationToken) =>
        (await addStaff.HandleAsync(code, body, caller, cancellationToken)).ToCreated(staff => $"/api/offices/{staff.OfficeCode}");

    public static async Task<Results<Created<QualificationRecordedResponse>, ProblemHttpResult>> RecordQualificationAsync(
        string nationalId, RecordQualificationRequest body, Caller caller, RecordQualification recordQualification, CancellationToken cancellationToken) =>
        (await recordQualification.HandleAsync(nationalId, body, caller, cancellationToken))
            .ToCreated(recorded => $"/api/staff/{recorded.Status.NationalId}/qualifications");

    public static async Task<Results<Ok<StaffQualificationsResponse>, ProblemHttpResult>> GetQualificationsAsync(
        string nationalId, Caller caller, GetQualifications getQualifications, CancellationToken cancellationToken) =>
        (await getQualifications.HandleAsync(nationalId, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<StaffHistoryResponse>, ProblemHttpResult>> GetHistoryAsync(
        string nationalId, Caller caller, GetStaffHistory getHistory, CancellationToken cancellationToken) =>
        (await getHistory.HandleAsync(nationalId, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<StaffResponse>, ProblemHttpResult>> MoveAsync(
        string nationalId, MoveStaffRequest body, Caller caller, MoveStaff moveStaff, CancellationToken cancellationToken) =>
        (await moveStaff.HandleAsync(nationalId, body, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<StaffResponse>, ProblemHttpResult>> DeactivateAsync(
        string nationalId, Caller caller, DeactivateStaff deactivateStaff, CancellationToken cancellationToken) =>
        (await deactivateStaff.HandleAsync(nationalId, caller, cancellationToken)).ToOk();
}
