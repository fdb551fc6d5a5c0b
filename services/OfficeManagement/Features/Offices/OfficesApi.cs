using CityEServices.Iran;
using System.Security.Claims;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.OfficeManagement.Authorization;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.OfficeManagement.Api;

public static partial class OfficesApi
{
    public static IEndpointRouteBuilder MapOfficesApi(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/offices").WithTags("Offices");

        offices.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("CreateOffice").WithSummary("Opens an office (Pilot unless a status is given).");
        offices.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("ListOffices").WithSummary("Offices by district, status and licensed service type, paged.");
        // An office's own Manager may read it; the handler checks who that is.
        offices.MapGet("/{code}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OfficeOperator))
            .WithName("GetOffice").WithSummary("One office with its licences, staff and status history.");
        offices.MapPost("/{code}/status", ChangeStatusAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("ChangeOfficeStatus").WithSummary("Moves an office to Pilot, Active, Suspended or Closed (closing is final).");
        offices.MapPost("/{code}/licences", GrantLicenceAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("GrantLicence").WithSummary("Licenses the office for a service type.");
        offices.MapDelete("/{code}/licences/{serviceType}", RevokeLicenceAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("RevokeLicence").WithSummary("Revokes the office's licence for a service type; the licence stays as history.");
        offices.MapPost("/{code}/staff", AddStaffAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("AddStaff").WithSummary("Registers a person on the office's staff.");
        offices.MapGet("/{code}/authorization", GetAuthorizationAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithName("GetAuthorizationDecision")
            .WithSummary("The answer AuthorizeService gives now (same cache), for admins checking why an operator is refused.");

        return app;
    }

    public static async Task<Results<Created<OfficeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateOfficeRequest request, OfficeManagementDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var validated = Validators.Validate(request);
        if (validated.Value is not { } newOffice)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        if (await db.Offices.AnyAsync(o => o.Code == newOffice.Code, cancellationToken))
        {
            return OfficeExists(newOffice.Code);
        }

        var office = Office.Open(newOffice.Code, newOffice.Name, newOffice.District, newOffice.Address, newOffice.Status, time.GetDatabaseNow(), user.Actor());
        db.Offices.Add(office);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return OfficeExists(newOffice.Code);
        }

        return TypedResults.Created($"/api/offices/{office.Code}", OfficeResponse.From(office, [], []));
    }

    public static async Task<Results<Ok<OfficeResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string code, OfficeManagementDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problems.FieldError("code", error);
        }

        if (await OfficeAccess.RefuseReadingAsync(user, officeCode, db, cancellationToken) is { } refused)
        {
            return refused;
        }

        var office = await db.Offices.AsNoTracking()
            .Include(o => o.Licences)
            .FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeNotFound(officeCode);
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.OfficeCode == officeCode).ToListAsync(cancellationToken);
        var history = await db.OfficeStatusChanges.AsNoTracking().Where(c => c.OfficeCode == officeCode).OrderBy(c => c.ChangedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(OfficeResponse.From(office, staff, history));
    }

    public static async Task<Results<Created<LicenceResponse>, ValidationProblem, ProblemHttpResult>> GrantLicenceAsync(
        string code, GrantLicenceRequest request, OfficeManagementDbContext db, AuthorizationCache cache, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problems.FieldError("code", error);
        }

        var validated = Validators.Validate(request);
        if (validated.Value is not { } serviceType)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var office = await db.Offices.Include(o => o.Licences).FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeNotFound(officeCode);
        }

        var actor = http.User.Actor();
        var granted = office.GrantLicence(serviceType, time.GetDatabaseNow(), actor);
        if (granted.Value is not { } licence)
        {
            return Problems.Conflict("Licence not granted.", granted.Refusal!);
        }

        db.Licences.Add(licence);
        db.PublishOnCommit(new OfficeLicenceChanged(office.Code.Value, serviceType, Granted: true, actor)
        {
            OccurredAt = licence.GrantedAt,
            CorrelationId = http.CorrelationId(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict("Licence not granted.", $"Office {officeCode} is already licensed for {serviceType}.");
        }

        await cache.InvalidateOfficeAsync(office.Code);

        return TypedResults.Created($"/api/offices/{office.Code}", LicenceResponse.From(licence));
    }

    public static async Task<Results<Created<StaffResponse>, ValidationProblem, ProblemHttpResult>> AddStaffAsync(
        string code, AddStaffRequest request, OfficeManagementDbContext db, AuthorizationCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problems.FieldError("code", error);
        }

        var validated = Validators.Validate(request);
        if (validated.Value is not { } newStaff)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeNotFound(officeCode);
        }

        if (office.RefusalToHire() is { } refusal)
        {
            return Problems.Conflict("Staff member not added.", refusal);
        }

        var activeElsewhere = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == newStaff.NationalId && s.Active)
            .Select(s => (OfficeCode?)s.OfficeCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (activeElsewhere is { } current)
        {
            return AlreadyActive(newStaff, current);
        }

        var staff = StaffMember.Join(newStaff.NationalId, newStaff.FullName, newStaff.Role, office.Code, time.GetDatabaseNow(), user.Actor());
        db.Staff.Add(staff);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Problems.Conflict("Staff member not added.", $"{newStaff.NationalId} was just added as active staff elsewhere.");
        }

        await cache.InvalidatePersonAsync(staff.NationalId);

        return TypedResults.Created($"/api/offices/{office.Code}", StaffResponse.From(staff));
    }

    internal static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static ProblemHttpResult OfficeExists(OfficeCode code) =>
        Problems.Conflict("Office already exists.", $"An office with code {code} already exists.");

    internal static ProblemHttpResult OfficeNotFound(OfficeCode code) =>
        Problems.NotFound("Office not found.", $"There is no office {code}.");

    private static ProblemHttpResult AlreadyActive(NewStaff staff, OfficeCode office) =>
        Problems.Conflict("Staff member not added.", $"{staff.NationalId} is already active staff at office {office}; move them (POST /api/staff/{staff.NationalId}/move) or deactivate them first.");
}
