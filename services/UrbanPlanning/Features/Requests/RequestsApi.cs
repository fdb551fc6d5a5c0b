using System.Security.Claims;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using CityEServices.UrbanPlanning.Domain.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Api;

public static class RequestsApi
{
    public const int MaxNoteLength = 1000;

    public static IEndpointRouteBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/urban-planning/files/{fileNumber}/requests", CreateAsync)
            .WithName("CreateServiceRequest").WithTags("Service requests")
            .WithSummary("Adds a service request to a file; it starts Submitted when the archive already holds every required document.");
        app.MapPost("/api/urban-planning/requests/{requestId:guid}/actions", ActAsync)
            .WithName("ActOnServiceRequest").WithTags("Service requests")
            .WithSummary("review | return | reject | assessFee | pay | issue | submit, each only by its role and only from its state.");
        app.MapGet("/api/urban-planning/requests/{requestId:guid}", GetAsync)
            .WithName("GetServiceRequest").WithTags("Service requests");
        return app;
    }

    /// <summary>
    /// Only an operator of the file's office, authorised by office management for the service type,
    /// and only once the archive said which required documents it already holds (asked once).
    /// </summary>
    public static async Task<Results<Created<CreateRequestResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string fileNumber,
        CreateRequestBody body,
        ClaimsPrincipal user,
        HttpContext http,
        UrbanPlanningDbContext db,
        ServiceRuleBook rules,
        OfficeAuthorization.OfficeAuthorizationClient offices,
        ArchiveCatalog.ArchiveCatalogClient archive,
        RequestWriter writer,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!FileNumber.TryParse(fileNumber, out var number, out var numberError))
        {
            errors["fileNumber"] = [numberError];
        }

        var serviceType = body.ServiceType?.Trim().ToUpperInvariant();
        var rule = serviceType is null ? null : rules.InForce(serviceType, time.GetUtcNow());
        if (rule is null)
        {
            errors["serviceType"] = [$"Service type must be one of {string.Join(", ", rules.All.Select(r => r.ServiceType).Distinct())}."];
        }

        RequestDetails? details = null;
        if (rule is not null && !rule.TryValidate(body.Details, out details, out var detailErrors))
        {
            foreach (var (field, messages) in detailErrors)
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0 || rule is null || details is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var caller = Caller.From(user);
        if (!caller.IsIn(Roles.OfficeOperator) || caller.NationalId is null)
        {
            return Problems.Forbidden(DenialReasons.RoleNotAllowed, "Only an office operator can make a service request.");
        }

        var key = number.ToString();
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.FileNumber == key, cancellationToken);
        if (file is null)
        {
            return Problems.NotFound("File not found.", $"There is no urban-planning file {key}.");
        }

        if (!string.Equals(caller.OfficeCode, file.OfficeCode, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Forbidden(DenialReasons.NotFileOffice, $"File {key} is held by office {file.OfficeCode}.");
        }

        var logger = loggers.CreateLogger(typeof(RequestsApi));
        if (await Dependencies.RefuseUnlessAuthorizedAsync(offices, file.OfficeCode, caller.NationalId, rule.ServiceType, logger, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await MissingPrerequisiteAsync(rule, file, writer, db, cancellationToken) is { } missingPrerequisite)
        {
            return missingPrerequisite;
        }

        var (dossier, archiveFailed) = await Dependencies.AskAsync(
            ct => archive.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = file.FileNumber, RenovationCode = file.RenovationCode }, cancellationToken: ct).ResponseAsync,
            "archive",
            logger,
            cancellationToken);
        if (dossier is null)
        {
            return archiveFailed!;
        }

        var request = await writer.CreateAsync(file, rule, details, dossier.Categories, Caller.ActorOf(user), http.CorrelationId(), cancellationToken);
        return TypedResults.Created(
            $"/api/urban-planning/requests/{request.Id}",
            new CreateRequestResponse(request.Id, request.Status, request.MissingDocumentCategories, request.RulesVersion,
                request.Clock.DueAt(request.CreatedAt) is { } due ? DualTime.From(due) : null));
    }

    private static async Task<ProblemHttpResult?> MissingPrerequisiteAsync(
        ServiceRule rule, UrbanPlanningFile file, RequestWriter writer, UrbanPlanningDbContext db, CancellationToken cancellationToken)
    {
        if (rule.Prerequisites.HasFlag(Prerequisites.IssuedBuildingPermit)
            && await writer.IssuedBuildingPermitAsync(file.FileNumber, cancellationToken) is null)
        {
            return Problems.Conflict("BuildingPermitNotIssued", "The file has no issued building permit.",
                $"A {rule.ServiceType} request needs an issued building permit on file {file.FileNumber}.");
        }

        if (rule.Prerequisites.HasFlag(Prerequisites.FinalSupervisorReport)
            && !await db.SupervisorReports.AnyAsync(r => r.FileNumber == file.FileNumber && r.Stage == SupervisionStage.Final, cancellationToken))
        {
            return Problems.Conflict("FinalSupervisorReportMissing", "The supervising engineer has not filed the Final report.",
                $"A {rule.ServiceType} request needs the Final supervisor report on file {file.FileNumber}.");
        }

        return null;
    }

    public static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> ActAsync(
        Guid requestId,
        RequestActionBody body,
        ClaimsPrincipal user,
        HttpContext http,
        UrbanPlanningDbContext db,
        ServiceRuleBook rules,
        RequestWriter writer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryValidate(body, out var action, out var note, out var reasonCode, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var request = await db.Requests.Include(r => r.Transitions).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var file = request is null ? null : await db.Files.AsNoTracking().SingleAsync(f => f.FileNumber == request.FileNumber, cancellationToken);
        if (request is null || file is null)
        {
            return Problems.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        var decision = RequestWorkflow.Decide(request.Status, action, RequestWorkflow.CapacityOf(Caller.From(user), file.OfficeCode, file.District));
        if (!decision.Allowed)
        {
            return decision.StatusCode == StatusCodes.Status403Forbidden
                ? Problems.Forbidden(decision.Reason!, decision.Detail)
                : Problems.Conflict(decision.Reason!, "The request is not in a state that allows this action.", decision.Detail!, [new("requestStatus", request.Status.ToString())]);
        }

        switch (action)
        {
            case RequestAction.AssessFee:
                // Judged by the rules the request was submitted under, not today's tariff.
                var fee = rules.Get(request.ServiceType, request.RulesVersion).Fee.Compute(request.Details);
                request.AssessFee(fee);
                note ??= $"Fee assessed: {fee:0} rials.";
                break;
            case RequestAction.Pay:
                if (body.Amount is { } amount && amount != request.FeeRial)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["amount"] = [$"The assessed fee is {request.FeeRial:0} rials; partial or excess payments are not accepted."] });
                }

                request.RecordPayment(body.Receipt!.Trim());
                note ??= $"Paid, receipt {body.Receipt.Trim()}.";
                break;
        }

        try
        {
            await writer.MoveAsync(request, file, decision.To!.Value, Caller.ActorOf(user), note, reasonCode, http.CorrelationId(), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another action on this request (or another issue numbering in this file) committed first.
            return Problems.Conflict("ConcurrentChange", "The request changed while this action was being applied.", "Read the request again and retry if the action still applies.");
        }

        return TypedResults.Ok(RequestResponse.From(request, rules, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> GetAsync(
        Guid requestId, ClaimsPrincipal user, UrbanPlanningDbContext db, ServiceRuleBook rules, TimeProvider time, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Transitions).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        var file = request is null ? null : await db.Files.AsNoTracking().SingleAsync(f => f.FileNumber == request.FileNumber, cancellationToken);
        if (request is null || file is null)
        {
            return Problems.NotFound("Service request not found.", $"There is no service request {requestId}.");
        }

        var caller = Caller.From(user);
        // Integrators (banks) see the request they pay for; others as for the file.
        var access = caller.IsIn(Roles.Integrator) ? AccessDecision.Allow : FileAccessRules.CanRead(caller, file);
        return access.Allowed ? TypedResults.Ok(RequestResponse.From(request, rules, time.GetUtcNow())) : Problems.Forbidden(access);
    }

    private static bool TryValidate(RequestActionBody body, out RequestAction action, out string? note, out string? reasonCode, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        note = PersianText.Normalize(body.Note)?.Trim();
        note = string.IsNullOrEmpty(note) ? null : note;
        reasonCode = string.IsNullOrWhiteSpace(body.ReasonCode) ? null : body.ReasonCode.Trim();
        if (!ActionNames.TryParse(body.Action, out action))
        {
            errors["action"] = ["Action must be one of submit, review, return, reject, assessFee, pay, issue."];
        }

        if (note?.Length > MaxNoteLength)
        {
            errors["note"] = [$"Note must be at most {MaxNoteLength} characters."];
        }

        if (action is RequestAction.Return or RequestAction.Reject && errors.Count == 0)
        {
            if (note is null)
            {
                errors["note"] = ["Say why: the citizen reads this note."];
            }

            var known = new[] { ReturnReasons.MissingDocuments, ReturnReasons.IncorrectDetails, ReturnReasons.Other };
            var given = reasonCode;
            var canonical = known.FirstOrDefault(k => string.Equals(k, given, StringComparison.OrdinalIgnoreCase));
            if (given is not null && canonical is null)
            {
                errors["reasonCode"] = [$"Reason code must be one of {string.Join(", ", known)}."];
            }

            reasonCode = canonical ?? ReturnReasons.Other;
        }
        else
        {
            reasonCode = null;
        }

        if (action == RequestAction.Pay && errors.Count == 0)
        {
            var receipt = body.Receipt?.Trim();
            if (string.IsNullOrEmpty(receipt) || receipt.Length > 100)
            {
                errors["receipt"] = ["A payment needs the bank's receipt number (up to 100 characters)."];
            }

            if (body.Amount is <= 0)
            {
                errors["amount"] = ["Amount must be positive."];
            }
        }

        return errors.Count == 0;
    }
}
