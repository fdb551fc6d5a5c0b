using System.Security.Claims;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging.Persistence;
using CityEServices.OfficeManagement.Authorization;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.OfficeManagement.Api;

// Where a person serves: history, moves between offices, deactivation.
public static partial class StaffApi
{
    public static async Task<Results<Ok<StaffHistoryResponse>, ValidationProblem, ProblemHttpResult>> GetHistoryAsync(
        string nationalId, OfficeManagementDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problems.FieldError("nationalId", idError);
        }

        if (!user.IsInRole(Roles.Admin)
            && !(NationalId.TryParse(user.FindFirstValue(CityClaims.NationalId), out var self) && self == person))
        {
            return Problems.Forbidden("NotYourRecord", "Only an admin or the staff member themself may read this history.");
        }

        var engagements = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == person)
            .OrderByDescending(s => s.JoinedAt)
            .ToListAsync(cancellationToken);
        if (engagements.Count == 0)
        {
            return StaffNotFound(person);
        }

        var current = engagements.FirstOrDefault(s => s.Active)?.OfficeCode.Value;
        return TypedResults.Ok(new StaffHistoryResponse(person, current, [.. engagements.Select(StaffResponse.From)]));
    }

    public static async Task<Results<Ok<StaffResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        string nationalId, MoveStaffRequest request, OfficeManagementDbContext db, AuthorizationCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problems.FieldError("nationalId", idError);
        }

        var validated = Validators.Validate(request);
        if (validated.Value is not { } move)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var target = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == move.Office, cancellationToken);
        if (target is null)
        {
            return OfficesApi.OfficeNotFound(move.Office);
        }

        var current = await db.Staff.FirstOrDefaultAsync(s => s.NationalId == person && s.Active, cancellationToken);
        if (current is null)
        {
            return await db.Staff.AnyAsync(s => s.NationalId == person, cancellationToken)
                ? Problems.Conflict("Staff member not moved.", $"{person} is not active at any office; register them at {move.Office} instead.")
                : StaffNotFound(person);
        }

        if (current.OfficeCode == move.Office)
        {
            return Problems.Conflict("Staff member not moved.", $"{person} already serves at office {move.Office}.");
        }

        if (target.RefusalToHire() is { } refusal)
        {
            return Problems.Conflict("Staff member not moved.", refusal);
        }

        var next = current.MoveTo(move.Office, move.Role, time.GetDatabaseNow(), user.Actor());
        // Two statements in one transaction: the old engagement ends before the new one starts, as the
        // "one active engagement per person" index requires.
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                db.Staff.Add(next);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            return Problems.Conflict("Staff member not moved.", $"{person} was changed by someone else at the same moment; read the record again.");
        }

        await cache.InvalidatePersonAsync(person);
        return TypedResults.Ok(StaffResponse.From(next));
    }

    public static async Task<Results<Ok<StaffResponse>, ValidationProblem, ProblemHttpResult>> DeactivateAsync(
        string nationalId, OfficeManagementDbContext db, AuthorizationCache cache, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problems.FieldError("nationalId", idError);
        }

        var current = await db.Staff.FirstOrDefaultAsync(s => s.NationalId == person && s.Active, cancellationToken);
        if (current is null)
        {
            return await db.Staff.AnyAsync(s => s.NationalId == person, cancellationToken)
                ? Problems.Conflict("Staff member not deactivated.", $"{person} is not active at any office.")
                : StaffNotFound(person);
        }

        current.Deactivate(time.GetDatabaseNow(), user.Actor());
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidatePersonAsync(person);
        return TypedResults.Ok(StaffResponse.From(current));
    }

    private static ProblemHttpResult StaffNotFound(NationalId person) =>
        Problems.NotFound("Staff member not found.", $"{person} has never been on the staff of an office.");
}
