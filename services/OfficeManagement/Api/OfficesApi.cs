using System.Security.Claims;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.OfficeManagement.Api;

public static class OfficesApi
{
    public static IEndpointRouteBuilder MapOfficesApi(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/offices").WithTags("Offices");

        offices.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        // Operators may read their own office only; the handler checks which office that is.
        offices.MapGet("/{code}", GetAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.OfficeOperator));
        offices.MapPost("/{code}/licences", GrantLicenceAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        offices.MapPost("/{code}/staff", AddStaffAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin));

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

        return TypedResults.Created($"/api/offices/{office.Code}", OfficeResponse.From(office, []));
    }

    public static async Task<Results<Ok<OfficeResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string code, OfficeManagementDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problems.FieldError("code", error);
        }

        // Checked before the lookup, so an operator cannot probe which other offices exist.
        if (!user.IsInRole(Roles.Admin)
            && !(OfficeCode.TryParse(user.FindFirstValue(CityClaims.OfficeCode), out var own) && own == officeCode))
        {
            return Problems.Forbidden("NotYourOffice", $"An office operator may read only their own office, not {officeCode}.");
        }

        var office = await db.Offices.AsNoTracking()
            .Include(o => o.Licences)
            .FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeNotFound(officeCode);
        }

        var staff = await db.Staff.AsNoTracking().Where(s => s.OfficeCode == officeCode).ToListAsync(cancellationToken);
        return TypedResults.Ok(OfficeResponse.From(office, staff));
    }

    public static async Task<Results<Created<LicenceResponse>, ValidationProblem, ProblemHttpResult>> GrantLicenceAsync(
        string code, GrantLicenceRequest request, OfficeManagementDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
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

        return TypedResults.Created($"/api/offices/{office.Code}", LicenceResponse.From(licence));
    }

    public static async Task<Results<Created<StaffResponse>, ValidationProblem, ProblemHttpResult>> AddStaffAsync(
        string code, AddStaffRequest request, OfficeManagementDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
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

        return TypedResults.Created($"/api/offices/{office.Code}", StaffResponse.From(staff));
    }

    internal static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static ProblemHttpResult OfficeExists(OfficeCode code) =>
        Problems.Conflict("Office already exists.", $"An office with code {code} already exists.");

    private static ProblemHttpResult OfficeNotFound(OfficeCode code) =>
        Problems.NotFound("Office not found.", $"There is no office {code}.");

    private static ProblemHttpResult AlreadyActive(NewStaff staff, OfficeCode office) =>
        Problems.Conflict("Staff member not added.", $"{staff.NationalId} is already active staff at office {office}; end that engagement first.");
}
