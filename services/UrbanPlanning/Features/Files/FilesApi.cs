using System.Security.Claims;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Api;

public static class FilesApi
{
    public static RouteGroupBuilder MapFilesApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/urban-planning/files").WithTags("Files");
        files.MapPost("/", OpenFileAsync).WithName("OpenFile");
        files.MapGet("/{fileNumber}", GetFileAsync).WithName("GetFile");
        return files;
    }

    /// <summary>
    /// Opens a file for a property at an office. Nothing is written until the body is well formed, the
    /// operator is at that office, office management authorises them for URBAN_FILE, and the property
    /// registry confirms the applicant owns a share.
    /// </summary>
    public static async Task<Results<Created<OpenFileResponse>, ValidationProblem, ProblemHttpResult>> OpenFileAsync(
        OpenFileRequest request,
        ClaimsPrincipal user,
        HttpContext http,
        OfficeAuthorization.OfficeAuthorizationClient offices,
        PropertyRegistry.PropertyRegistryClient properties,
        FileOpener opener,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!OpenFileRules.TryValidate(request.RenovationCode, request.ApplicantNationalId, request.OfficeCode, out var valid, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = Caller.From(user);
        var access = FileAccessRules.CanOpen(caller, valid.OfficeCode);
        if (!access.Allowed)
        {
            return Problems.Forbidden(access);
        }

        var logger = loggers.CreateLogger(typeof(FilesApi));
        if (await Dependencies.RefuseUnlessAuthorizedAsync(offices, valid.OfficeCode, caller.NationalId!, ServiceTypes.UrbanFile, logger, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (ownership, ownershipFailed) = await Dependencies.AskAsync(
            ct => properties.VerifyOwnerAsync(new VerifyOwnerRequest
            {
                RenovationCode = valid.RenovationCode.Value,
                NationalId = valid.ApplicantNationalId.Value,
            }, cancellationToken: ct).ResponseAsync,
            "property",
            logger,
            cancellationToken);
        if (ownership is null)
        {
            return ownershipFailed!;
        }

        if (!ownership.PropertyFound)
        {
            return Problems.NotFound("Property not found.", $"No property with renovation code {valid.RenovationCode} is registered.");
        }

        if (!ownership.IsOwner)
        {
            return Problems.Forbidden(DenialReasons.ApplicantNotOwner, $"The applicant holds no share of property {valid.RenovationCode}.");
        }

        // The registry is the authority on the district; the code's own first segment is the fallback
        // should a registry reply ever leave it unset.
        var district = Districts.IsValid(ownership.District) ? ownership.District : valid.RenovationCode.District;
        var result = await opener.OpenAsync(valid, district, caller, http.CorrelationId(), cancellationToken);
        if (result.Opened is not { } file)
        {
            return Problems.Conflict(
                "FileAlreadyOpen",
                "The property already has an urban-planning file.",
                $"Property {valid.RenovationCode} already has file {result.ExistingFileNumber}; add service requests to it.",
                [new("fileNumber", result.ExistingFileNumber)]);
        }

        return TypedResults.Created($"/api/urban-planning/files/{file.FileNumber}", new OpenFileResponse(file.FileNumber, file.TrackingCode, file.Status));
    }

    public static async Task<Results<Ok<FileResponse>, ValidationProblem, ProblemHttpResult>> GetFileAsync(
        string fileNumber,
        ClaimsPrincipal user,
        UrbanPlanningDbContext db,
        ServiceRuleBook rules,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!FileNumber.TryParse(fileNumber, out var number, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fileNumber"] = [error] });
        }

        var caller = Caller.From(user);
        var mayRead = FileAccessRules.CanReadAny(caller);
        if (!mayRead.Allowed)
        {
            return Problems.Forbidden(mayRead);
        }

        var key = number.ToString();
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.FileNumber == key, cancellationToken);
        if (file is null)
        {
            return Problems.NotFound("File not found.", $"There is no urban-planning file {key}.");
        }

        var access = FileAccessRules.CanRead(caller, file);
        if (!access.Allowed)
        {
            return Problems.Forbidden(access);
        }

        var requests = await db.Requests.AsNoTracking().Include(r => r.Transitions)
            .Where(r => r.FileNumber == key).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var assignments = await db.SupervisorAssignments.AsNoTracking().Where(a => a.FileNumber == key).OrderBy(a => a.AssignedAt).ToListAsync(cancellationToken);
        var reports = await db.SupervisorReports.AsNoTracking().Where(r => r.FileNumber == key).OrderBy(r => r.FiledAt).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(FileResponse.From(file, [.. requests.Select(r => RequestResponse.From(r, rules, now))]) with
        {
            Supervision = [.. assignments.Select(a => new SupervisionResponse(
                a.Id,
                a.PermitNumber,
                a.LicenceNumber,
                DualTime.From(a.AssignedAt),
                a.CompletedAt is { } completed ? DualTime.From(completed) : null,
                [.. reports.Where(r => r.AssignmentId == a.Id).Select(ReportResponse.From)]))],
        });
    }

}
