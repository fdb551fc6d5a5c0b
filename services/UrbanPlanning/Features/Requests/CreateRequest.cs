namespace CityEServices.UrbanPlanning.Features.Requests;

/// <summary>
/// Adds a service request to a file: by an operator whose office management authorises their office for
/// the service type — any licensed office, of any district: an operator of another office takes the file
/// up (the hand-over goes into the file's timeline with both office codes, and that office acts on it
/// from then on) — once what the type builds on exists, and once the archive said which required
/// documents it already holds (asked once). It starts Submitted when it holds them all. An applicant
/// named must hold the file now (after a transfer: the new owners).
/// </summary>
public sealed class CreateRequest(
    UrbanPlanningDbContext db,
    ServiceRuleBook rules,
    OfficeAuthorizations offices,
    ArchiveCatalogClient archive,
    RequestWriter writer,
    TimeProvider time)
{
    public async Task<Outcome<CreateRequestResponse>> HandleAsync(string fileNumber, CreateRequestBody body, Caller caller, CancellationToken cancellationToken)
    {
        string? applicant = null;
        var validated = NewRequestRules.Validate(rules, time.GetUtcNow(), fileNumber, body.ServiceType, body.Details);
        var errors = validated.Errors;
        if (body.ApplicantNationalId is { } named)
        {
            if (NationalId.TryParse(named, out var parsed))
            {
                applicant = parsed.Value;
            }
            else
            {
                errors["applicantNationalId"] = ["The applicant's national ID is 10 digits with a valid check digit."];
            }
        }

        if (validated.Value is not { } valid || errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        if (!caller.IsIn(Roles.OfficeOperator) || caller.NationalId is null)
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed, "Only an office operator can make a service request.");
        }

        var key = valid.FileNumber.ToString();
        var file = await db.FindFileAsync(key, cancellationToken);
        if (file is null)
        {
            return Problem.NotFound("File not found.", $"There is no urban-planning file {key}.");
        }

        if (caller.OfficeCode is null)
        {
            return Problem.Forbidden(DenialReasons.OperatorNotAtOffice, "The operator's token names no office.");
        }

        var rule = valid.Rule;
        if ((await offices.CheckOperatorAsync(caller, rule.ServiceType, cancellationToken) ?? await MissingPrerequisiteAsync(rule, file, cancellationToken)) is { } refused)
        {
            return refused;
        }

        if (applicant is not null && !file.IsHolder(applicant))
        {
            return Problem.Forbidden(DenialReasons.ApplicantNotOwner, $"The applicant does not hold file {key}: only the property's owners now may apply on it.");
        }

        var held = await archive.HeldCategoriesAsync(file, cancellationToken);
        if (!held.Succeeded)
        {
            return held.Problem!;
        }

        var request = await writer.CreateAsync(file, rule, valid.Details, held.Value, caller, applicant, cancellationToken);
        return new CreateRequestResponse(request.Id, request.Status, request.MissingDocumentCategories, request.RulesVersion,
            request.Clock.DueAt(request.CreatedAt) is { } due ? DualTime.From(due) : null);
    }

    private async Task<Problem?> MissingPrerequisiteAsync(ServiceRule rule, UrbanPlanningFile file, CancellationToken cancellationToken)
    {
        if (rule.Prerequisites.HasFlag(Prerequisites.IssuedBuildingPermit)
            && await db.IssuedBuildingPermitAsync(file.FileNumber, cancellationToken) is null)
        {
            return Problem.Conflict("BuildingPermitNotIssued", "The file has no issued building permit.",
                $"A {rule.ServiceType} request needs an issued building permit on file {file.FileNumber}.");
        }

        if (rule.Prerequisites.HasFlag(Prerequisites.FinalSupervisorReport)
            && !await db.SupervisorReports.AnyAsync(r => r.FileNumber == file.FileNumber && r.Stage == SupervisionStage.Final, cancellationToken))
        {
            return Problem.Conflict("FinalSupervisorReportMissing", "The supervising engineer has not filed the Final report.",
                $"A {rule.ServiceType} request needs the Final supervisor report on file {file.FileNumber}.");
        }

        return null;
    }
}
