namespace CityEServices.OfficeManagement.Features.Offices;

public static class OfficesApi
{
    public static IEndpointRouteBuilder MapOfficesApi(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/offices").WithTags("Offices");

        offices.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("CreateOffice").WithSummary("Opens an office (Pilot unless a status is given).");
        offices.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("ListOffices").WithSummary("Offices by district, status and licensed service type, paged.");
        // An office's own Manager may read it; the use case checks who that is.
        offices.MapGet("/{code}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OfficeOperator))
            .WithName("GetOffice").WithSummary("One office with its licences, staff and status history.");
        offices.MapPost("/{code}/status", ChangeStatusAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("ChangeOfficeStatus").WithSummary("Moves an office to Pilot, Active, Suspended or Closed (closing is final).");
        offices.MapPost("/{code}/licences", GrantLicenceAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("GrantLicence").WithSummary("Licenses the office for a service type.");
        offices.MapDelete("/{code}/licences/{serviceType}", RevokeLicenceAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("RevokeLicence").WithSummary("Revokes the office's licence for a service type; the licence stays as history.");

        return app;
    }

    public static async Task<Results<Created<OfficeResponse>, ProblemHttpResult>> CreateAsync(
        CreateOfficeRequest body, Caller caller, CreateOffice createOffice, CancellationToken cancellationToken) =>
        (await createOffice.HandleAsync(body, caller, cancellationToken)).ToCreated(office => $"/api/offices/{office.Code}");

    public static async Task<Results<Ok<Page<OfficeSummaryResponse>>, ProblemHttpResult>> ListAsync(
        string? district, string? status, string? serviceType, string? page, string? pageSize, Caller caller, ListOffices listOffices, CancellationToken cancellationToken) =>
        (await listOffices.HandleAsync(district, status, serviceType, page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<OfficeResponse>, ProblemHttpResult>> GetAsync(
        string code, Caller caller, GetOffice getOffice, CancellationToken cancellationToken) =>
        (await getOffice.HandleAsync(code, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<StatusChangeResponse>, ProblemHttpResult>> ChangeStatusAsync(
        string code, ChangeStatusRequest body, Caller caller, ChangeOfficeStatus changeStatus, CancellationToken cancellationToken) =>
        (await changeStatus.HandleAsync(code, body, caller, cancellationToken)).ToOk();

    public static async Task<Results<Created<LicenceResponse>, ProblemHttpResult>> GrantLicenceAsync(
        string code, GrantLicenceRequest body, Caller caller, GrantLicence grantLicence, CancellationToken cancellationToken) =>
        (await grantLicence.HandleAsync(code, body, caller, cancellationToken)).ToCreated(_ => $"/api/offices/{(OfficeCode.TryParse(code, out var office) ? office.Value : code)}");

    public static async Task<Results<Ok<LicenceResponse>, ProblemHttpResult>> RevokeLicenceAsync(
        string code, string serviceType, Caller caller, RevokeLicence revokeLicence, CancellationToken cancellationToken) =>
        (await revokeLicence.HandleAsync(code, serviceType, caller, cancellationToken)).ToOk();
}
