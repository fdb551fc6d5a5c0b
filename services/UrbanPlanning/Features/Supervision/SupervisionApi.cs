using System.Security.Claims;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using CityEServices.UrbanPlanning.Domain.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Api;

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
        group.MapPost("/engineers", RegisterAsync).WithName("RegisterEngineer").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/engineers/{licenceNumber}", GetEngineerAsync).WithName("GetEngineer");
        group.MapPost("/files/{fileNumber}/supervision", AssignAsync).WithName("AssignSupervisor");
        group.MapPost("/files/{fileNumber}/supervision/reports", FileReportAsync).WithName("FileSupervisorReport");
        return app;
    }

    public static async Task<Results<Created<EngineerResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterEngineerBody body, UrbanPlanningDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var licence = NormalizeLicence(body.LicenceNumber);
        if (licence is null)
        {
            errors["licenceNumber"] = ["Licence number must be 1–20 letters, digits or hyphens."];
        }

        var name = PersianText.Normalize(body.FullName)?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors["fullName"] = ["Full name is required (up to 200 characters)."];
        }

        if (!Enum.TryParse<EngineerGrade>(body.Grade?.Trim(), ignoreCase: true, out var grade) || !Enum.IsDefined(grade) || body.Grade!.Trim().All(char.IsDigit))
        {
            errors["grade"] = [$"Grade must be one of {string.Join(", ", Enum.GetNames<EngineerGrade>())}."];
        }

        if (body.Capacity is not (>= 1 and <= Engineer.MaxCapacity))
        {
            errors["capacity"] = [$"Capacity must be 1–{Engineer.MaxCapacity} buildings."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await db.Engineers.AnyAsync(e => e.LicenceNumber == licence, cancellationToken))
        {
            return Problems.Conflict("EngineerExists", "The engineer is already registered.", $"Licence {licence} is registered.");
        }

        var engineer = new Engineer(licence!, name!, grade, body.Capacity!.Value, time.GetDatabaseNow());
        db.Engineers.Add(engineer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/urban-planning/engineers/{licence}", new EngineerResponse(licence!, name!, grade, engineer.Capacity, 0));
    }

    public static async Task<Results<Ok<EngineerResponse>, ProblemHttpResult>> GetEngineerAsync(
        string licenceNumber, ClaimsPrincipal user, UrbanPlanningDbContext db, CancellationToken cancellationToken)
    {
        var access = FileAccessRules.CanReadAny(Caller.From(user));
        if (!access.Allowed)
        {
            return Problems.Forbidden(access);
        }

        var licence = NormalizeLicence(licenceNumber);
        var engineer = licence is null ? null : await db.Engineers.AsNoTracking().SingleOrDefaultAsync(e => e.LicenceNumber == licence, cancellationToken);
        if (engineer is null)
        {
            return Problems.NotFound("Engineer not found.", $"No engineer with licence {licenceNumber} is registered.");
        }

        var active = await db.SupervisorAssignments.CountAsync(a => a.LicenceNumber == engineer.LicenceNumber && a.CompletedAt == null, cancellationToken);
        return TypedResults.Ok(new EngineerResponse(engineer.LicenceNumber, engineer.FullName, engineer.Grade, engineer.Capacity, active));
    }

    public static async Task<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string fileNumber, AssignSupervisorBody body, ClaimsPrincipal user, HttpContext http, UrbanPlanningDbContext db, RequestWriter writer, TimeProvider time, CancellationToken cancellationToken)
    {
        var licence = NormalizeLicence(body.LicenceNumber);
        if (licence is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["licenceNumber"] = ["Licence number must be 1–20 letters, digits or hyphens."] });
        }

        var (file, refusal) = await FileForAsync(fileNumber, user, db, allowOperator: false, cancellationToken);
        if (file is null)
        {
            return refusal!;
        }

        var permit = await writer.IssuedBuildingPermitAsync(file.FileNumber, cancellationToken);
        if (permit?.IssuedNumber is not { } permitNumber)
        {
            return Problems.Conflict("BuildingPermitNotIssued", "The file has no issued building permit.", "A supervising engineer is assigned to an issued building permit.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The engineer's row lock serialises assignments to them, so two cannot both take the last place.
            var engineer = await db.Engineers.FromSql($"SELECT * FROM engineers WHERE licence_number = {licence} FOR UPDATE").SingleOrDefaultAsync(ct);
            if (engineer is null)
            {
                return Problems.NotFound("Engineer not found.", $"No engineer with licence {licence} is registered.");
            }

            if (await db.SupervisorAssignments.AnyAsync(a => a.PermitNumber == permitNumber && a.CompletedAt == null, ct))
            {
                return Problems.Conflict("SupervisorAlreadyAssigned", "The permit already has a supervising engineer.", $"Permit {permitNumber} is supervised.");
            }

            var active = await db.SupervisorAssignments.CountAsync(a => a.LicenceNumber == licence && a.CompletedAt == null, ct);
            if (!SupervisionRules.HasRoom(engineer, active))
            {
                return Problems.Conflict("EngineerAtCapacity", "The engineer supervises as many buildings as allowed.",
                    $"Engineer {licence} supervises {active} of {engineer.Capacity} buildings.");
            }

            var now = time.GetDatabaseNow();
            var assignment = new SupervisorAssignment(Guid.CreateVersion7(now), file.FileNumber, permitNumber, licence, now, Caller.ActorOf(user));
            db.SupervisorAssignments.Add(assignment);
            db.PublishOnCommit(new SupervisorAssigned(file.FileNumber, file.RenovationCode, permitNumber, licence)
            {
                OccurredAt = now,
                CorrelationId = http.CorrelationId(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Created($"/api/urban-planning/files/{file.FileNumber}/supervision",
                new AssignmentResponse(assignment.Id, file.FileNumber, permitNumber, licence, DualTime.From(now)));
        }, cancellationToken);
    }

    public static async Task<Results<Created<ReportResponse>, ValidationProblem, ProblemHttpResult>> FileReportAsync(
        string fileNumber, FileReportBody body, ClaimsPrincipal user, HttpContext http, UrbanPlanningDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Enum.TryParse<SupervisionStage>(body.Stage?.Trim(), ignoreCase: true, out var stage) || !Enum.IsDefined(stage) || body.Stage!.Trim().All(char.IsDigit))
        {
            errors["stage"] = [$"Stage must be one of {string.Join(", ", Enum.GetNames<SupervisionStage>())}."];
        }

        if (body.DocumentId is null || body.DocumentId == Guid.Empty)
        {
            errors["documentId"] = ["The archived report's document id is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (file, refusal) = await FileForAsync(fileNumber, user, db, allowOperator: true, cancellationToken);
        if (file is null)
        {
            return refusal!;
        }

        var assignment = await db.SupervisorAssignments.Where(a => a.FileNumber == file.FileNumber && a.CompletedAt == null).SingleOrDefaultAsync(cancellationToken);
        if (assignment is null)
        {
            return Problems.Conflict("NoSupervisorAssigned", "The file has no supervising engineer.", $"Assign an engineer to file {file.FileNumber} first.");
        }

        var filed = await db.SupervisorReports.Where(r => r.AssignmentId == assignment.Id).Select(r => r.Stage).ToListAsync(cancellationToken);
        if (SupervisionRules.NextStage(filed) != stage)
        {
            return Problems.Conflict("StageOutOfOrder", "Stage reports are filed in order, once each.",
                $"The next report due is {SupervisionRules.NextStage(filed)?.ToString() ?? "none"}.");
        }

        var documentId = body.DocumentId!.Value;
        var cited = await db.ArchivedDocuments.AnyAsync(
            d => d.DocumentId == documentId && d.Category == DocumentCategories.SupervisorReport
                && (d.FileNumber == file.FileNumber || d.RenovationCode == file.RenovationCode), cancellationToken);
        if (!cited)
        {
            return Problems.Conflict("DocumentNotArchived", "The report document is not in the archive.",
                $"Document {documentId} is not an archived {DocumentCategories.SupervisorReport} of file {file.FileNumber} (yet).");
        }

        var now = time.GetDatabaseNow();
        var report = new SupervisorReport(Guid.CreateVersion7(now), assignment.Id, file.FileNumber, assignment.LicenceNumber, stage, documentId, now, Caller.ActorOf(user));
        db.SupervisorReports.Add(report);
        if (stage == SupervisionStage.Final)
        {
            assignment.Complete(now);
        }

        db.PublishOnCommit(new SupervisorReportFiled(file.FileNumber, file.RenovationCode, assignment.LicenceNumber, stage.ToString(), documentId)
        {
            OccurredAt = now,
            CorrelationId = http.CorrelationId(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("StageOutOfOrder", "Stage reports are filed in order, once each.", $"The {stage} report was filed concurrently.");
        }

        return TypedResults.Created($"/api/urban-planning/files/{file.FileNumber}/supervision/reports/{report.Id}",
            ReportResponse.From(report));
    }

    /// <summary>The file, when the caller is the district's reviewer (or, if allowed, an operator of the file's office).</summary>
    private static async Task<(UrbanPlanningFile? File, ProblemHttpResult? Refusal)> FileForAsync(
        string fileNumber, ClaimsPrincipal user, UrbanPlanningDbContext db, bool allowOperator, CancellationToken cancellationToken)
    {
        if (!FileNumber.TryParse(fileNumber, out var number, out _))
        {
            return (null, Problems.NotFound("File not found.", $"There is no urban-planning file {fileNumber}."));
        }

        var key = number.ToString();
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.FileNumber == key, cancellationToken);
        if (file is null)
        {
            return (null, Problems.NotFound("File not found.", $"There is no urban-planning file {key}."));
        }

        var capacity = RequestWorkflow.CapacityOf(Caller.From(user), file.OfficeCode, file.District);
        if (capacity.HasFlag(Capacity.FileReviewer) || (allowOperator && capacity.HasFlag(Capacity.FileOperator)))
        {
            return (file, null);
        }

        return (null, capacity.HasFlag(Capacity.ForeignReviewer)
            ? Problems.Forbidden(DenialReasons.NotFileDistrict, $"File {key} belongs to district {file.District}.")
            : Problems.Forbidden(DenialReasons.RoleNotAllowed, allowOperator
                ? "Only the district's reviewer or an operator of the file's office may file supervisor reports."
                : "Only a reviewer of the file's district may assign its supervising engineer."));
    }

    private static string? NormalizeLicence(string? input)
    {
        var text = PersianText.NormalizeDigits(input)?.Trim().ToUpperInvariant();
        return !string.IsNullOrEmpty(text) && text.Length <= 20 && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? text : null;
    }
}
