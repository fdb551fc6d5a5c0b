using System.Security.Claims;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Messaging;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Api;

public static partial class FilesApi
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
        AuthorizeServiceReply authorization;
        try
        {
            authorization = await offices.AuthorizeServiceAsync(new AuthorizeServiceRequest
            {
                OfficeCode = valid.OfficeCode,
                OperatorNationalId = caller.NationalId,
                ServiceType = ServiceTypes.UrbanFile,
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (!IsUnavailable(ex))
        {
            ThrowIfCallerLeft(cancellationToken);
            LogDependencyFailed(logger, ex, "office management", ex.StatusCode);
            return Problems.DependencyFailed("office management");
        }

        if (!authorization.Allowed)
        {
            return Problems.Forbidden(
                string.IsNullOrEmpty(authorization.Reason) ? "NotAuthorized" : authorization.Reason,
                string.IsNullOrEmpty(authorization.Detail) ? $"Office {valid.OfficeCode} or its operator is not authorised for {ServiceTypes.UrbanFile}." : authorization.Detail);
        }

        VerifyOwnerReply ownership;
        try
        {
            ownership = await properties.VerifyOwnerAsync(new VerifyOwnerRequest
            {
                RenovationCode = valid.RenovationCode.Value,
                NationalId = valid.ApplicantNationalId.Value,
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (!IsUnavailable(ex))
        {
            ThrowIfCallerLeft(cancellationToken);
            LogDependencyFailed(logger, ex, "property", ex.StatusCode);
            return Problems.DependencyFailed("property");
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

        return TypedResults.Ok(FileResponse.From(file, []));
    }

    // Unavailable and DeadlineExceeded are left to the shared exception handler, which answers 503.
    private static bool IsUnavailable(RpcException ex) => ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded;

    // A call cancelled because the caller went away ends as RpcException(Cancelled); as an
    // OperationCanceledException the shared handler knows it for what it is (499, no error logged).
    // (The channel's ThrowOperationCanceledOnCancellation would do this too, but it also turns an
    // exceeded deadline into a cancellation, which must stay a 503.)
    private static void ThrowIfCallerLeft(CancellationToken cancellationToken) => cancellationToken.ThrowIfCancellationRequested();

    [LoggerMessage(LogLevel.Error, "The {Service} service failed with {StatusCode}")]
    private static partial void LogDependencyFailed(ILogger logger, Exception exception, string service, StatusCode statusCode);
}
