using CityEServices.Iran;
using System.Security.Claims;
using CityEServices.Contracts.Events;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.OfficeManagement.Authorization;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using CityEServices.ServiceDefaults.Auth;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.OfficeManagement.Api;

// Listing, status changes, licence revocation and the admin's view of an authorisation answer.
public static partial class OfficesApi
{
    public static async Task<Results<Ok<Paged<OfficeSummaryResponse>>, ValidationProblem>> ListAsync(
        int? district, string? status, string? serviceType, int? page, int? pageSize, OfficeManagementDbContext db, CancellationToken cancellationToken)
    {
        var validated = Validators.ValidateFilter(district, status, serviceType, page, pageSize);
        if (validated.Value is not { } filter)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var query = db.Offices.AsNoTracking();
        if (filter.District is { } d)
        {
            query = query.Where(o => o.District == d);
        }

        if (filter.Status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (filter.ServiceType is { } type)
        {
            query = query.Where(o => o.Licences.Any(l => l.ServiceType == type && l.RevokedAt == null));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(o => o.District).ThenBy(o => o.Code)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(o => new OfficeSummaryResponse(
                o.Code.Value,
                o.Name,
                o.District,
                o.Address,
                o.Status,
                o.Licences.Where(l => l.RevokedAt == null).OrderBy(l => l.ServiceType).Select(l => l.ServiceType).ToList(),
                db.Staff.Count(m => m.OfficeCode == o.Code && m.Active)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<OfficeSummaryResponse>(items, filter.Page, filter.PageSize, total));
    }

    public static async Task<Results<Ok<StatusChangeResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string code, ChangeStatusRequest request, OfficeManagementDbContext db, AuthorizationCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!OfficeCode.TryParse(code, out var officeCode, out var error))
        {
            return Problems.FieldError("code", error);
        }

        var validated = Validators.Validate(request);
        if (validated.Value is not { } change)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var office = await db.Offices.FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null)
        {
            return OfficeNotFound(officeCode);
        }

        var changed = office.ChangeStatus(change.Status, time.GetDatabaseNow(), user.Actor(), change.Note);
        if (changed.Value is not { } entry)
        {
            return Problems.Conflict("Status not changed.", changed.Refusal!);
        }

        db.OfficeStatusChanges.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Status not changed.", $"Office {officeCode} was changed by someone else at the same moment; read it again.");
        }

        await cache.InvalidateOfficeAsync(office.Code);
        return TypedResults.Ok(StatusChangeResponse.From(entry));
    }

    public static async Task<Results<Ok<LicenceResponse>, ValidationProblem, ProblemHttpResult>> RevokeLicenceAsync(
        string code, string serviceType, OfficeManagementDbContext db, AuthorizationCache cache, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        OfficeCode? officeCode = OfficeCode.TryParse(code, out var parsed, out var codeError) ? parsed : null;
        errors.AddIf("code", codeError);
        var type = Validators.ServiceTypeField(serviceType, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var office = await db.Offices.Include(o => o.Licences).FirstOrDefaultAsync(o => o.Code == officeCode!.Value, cancellationToken);
        if (office is null)
        {
            return OfficeNotFound(officeCode!.Value);
        }

        var actor = http.User.Actor();
        var revoked = office.RevokeLicence(type!, time.GetDatabaseNow(), actor);
        if (revoked.Value is not { } licence)
        {
            return Problems.Conflict("Licence not revoked.", revoked.Refusal!);
        }

        db.PublishOnCommit(new OfficeLicenceChanged(office.Code.Value, type!, Granted: false, actor)
        {
            OccurredAt = licence.RevokedAt!.Value,
            CorrelationId = http.CorrelationId(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Revoked by a concurrent request since we read it: the same answer a later request gets.
            return Problems.Conflict("Licence not revoked.", $"Office {office.Code} holds no licence for {type}.");
        }

        // After the commit: the next question about this office reads fresh data (see AuthorizationCache).
        await cache.InvalidateOfficeAsync(office.Code);
        return TypedResults.Ok(LicenceResponse.From(licence));
    }

    public static async Task<Results<Ok<AuthorizationDecisionResponse>, ValidationProblem>> GetAuthorizationAsync(
        string code, string? operatorNationalId, string? serviceType, OfficeAuthorizer authorizer, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.AddIf("code", OfficeCode.TryParse(code, out _, out var codeError) ? null : codeError);
        errors.AddIf("operatorNationalId", Iran.NationalId.TryParse(operatorNationalId, out _, out var idError) ? null : idError);
        if (string.IsNullOrWhiteSpace(serviceType))
        {
            errors.Add("serviceType", "Service type is required (see GET /api/service-types).");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // The service type is passed as given, exactly as a gRPC caller would: an unknown code is an answer
        // (ServiceTypeInactive), not a bad request.
        var decision = await authorizer.DecideAsync(new AuthorizationRequest(code, operatorNationalId!, serviceType!), cancellationToken);
        return TypedResults.Ok(new AuthorizationDecisionResponse(code, operatorNationalId!, serviceType!, decision.Allowed, decision.Reason?.ToString(), decision.Detail));
    }
}
