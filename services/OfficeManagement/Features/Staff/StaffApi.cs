using System.Security.Claims;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.OfficeManagement.Authorization;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Domain;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityEServices.OfficeManagement.Api;

public static partial class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
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

    public static async Task<Results<Created<QualificationRecordedResponse>, ValidationProblem, ProblemHttpResult>> RecordQualificationAsync(
        string nationalId,
        RecordQualificationRequest request,
        OfficeManagementDbContext db,
        IOptions<CertificationPolicy> policy,
        AuthorizationCache cache,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problems.FieldError("nationalId", idError);
        }

        var rules = policy.Value;
        var validated = Validators.Validate(request, rules.ExamPassMark);
        if (validated.Value is not { } entry)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        // The office named in StaffCertified: where the person is active now, else where they last were.
        var officeCode = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == person)
            .OrderByDescending(s => s.Active).ThenByDescending(s => s.JoinedAt)
            .Select(s => (OfficeCode?)s.OfficeCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (officeCode is null)
        {
            return Problems.NotFound("Staff member not found.", $"{person} has never been on the staff of an office; add them to an office first.");
        }

        var previous = await db.QualificationAttempts.AsNoTracking()
            .Where(a => a.NationalId == person && a.ServiceType == entry.ServiceType)
            .OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        var now = time.GetDatabaseNow();
        var actor = http.User.Actor();
        var attempt = entry.Kind == QualificationKind.Exam
            ? QualificationAttempt.Exam(person, entry.ServiceType, entry.Score!.Value, rules.ExamPassMark, now, actor)
            : QualificationAttempt.Assessed(person, entry.ServiceType, entry.Kind, entry.Passed!.Value, entry.Score, now, actor);
        var status = Certification.Derive(entry.ServiceType, [.. previous, attempt], rules.CertificationValidity);

        db.QualificationAttempts.Add(attempt);
        // This attempt completed the set (first certification, or a renewal that moves the expiry):
        // the fact is published in the same transaction that records the attempt.
        if (ReferenceEquals(status.CompletedBy, attempt))
        {
            db.PublishOnCommit(new StaffCertified(person.Value, officeCode.Value.Value, entry.ServiceType, status.ExpiresAt!.Value)
            {
                OccurredAt = now,
                CorrelationId = http.CorrelationId(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidatePersonAsync(person);

        return TypedResults.Created(
            $"/api/staff/{person}/qualifications",
            new QualificationRecordedResponse(QualificationAttemptResponse.From(attempt), QualificationStatusResponse.From(person, status, now)));
    }

    public static async Task<Results<Ok<StaffQualificationsResponse>, ValidationProblem, ProblemHttpResult>> GetQualificationsAsync(
        string nationalId,
        OfficeManagementDbContext db,
        IOptions<CertificationPolicy> policy,
        TimeProvider time,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problems.FieldError("nationalId", idError);
        }

        if (!user.IsInRole(Roles.Admin)
            && !(NationalId.TryParse(user.FindFirstValue(CityClaims.NationalId), out var self) && self == person))
        {
            return Problems.Forbidden("NotYourRecord", "Only an admin or the staff member themself may read these qualifications.");
        }

        var known = await db.Staff.AnyAsync(s => s.NationalId == person, cancellationToken);
        var attempts = await db.QualificationAttempts.AsNoTracking()
            .Where(a => a.NationalId == person)
            .OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (!known && attempts.Count == 0)
        {
            return Problems.NotFound("Staff member not found.", $"{person} has no staff record and no qualifications.");
        }

        var now = time.GetUtcNow();
        var validity = policy.Value.CertificationValidity;
        var statuses = attempts.Select(a => a.ServiceType).Distinct()
            .Select(type => QualificationStatusResponse.From(person, Certification.Derive(type, attempts, validity), now))
            .ToList();
        return TypedResults.Ok(new StaffQualificationsResponse(person, statuses, [.. attempts.Select(QualificationAttemptResponse.From)]));
    }
}
