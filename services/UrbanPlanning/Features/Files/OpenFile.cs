namespace CityEServices.UrbanPlanning.Features.Files;

/// <summary>
/// Opens a file for a property at an office. Nothing is written until the body is well formed, the
/// operator is at that office, office management authorises them for URBAN_FILE, and the property
/// registry confirms the applicant owns a share — in that order, so nobody is asked needlessly.
/// </summary>
public sealed class OpenFile(OfficeAuthorizations offices, PropertyRegistryClient properties, FileOpener opener)
{
    public async Task<Outcome<OpenFileResponse>> HandleAsync(OpenFileRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validated = OpenFileRules.Validate(request.RenovationCode, request.ApplicantNationalId, request.OfficeCode, request.ApplicantMobile);
        if (validated.Value is not { } valid)
        {
            return Problem.Invalid(validated.Errors);
        }

        if ((FileAccessRules.CanOpen(caller, valid.OfficeCode) ?? await offices.CheckOperatorAsync(caller, ServiceTypes.UrbanFile, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var ownership = await properties.VerifyOwnerAsync(valid.RenovationCode, valid.ApplicantNationalId, cancellationToken);
        if (!ownership.Succeeded)
        {
            return ownership.Problem!;
        }

        if (!ownership.Value.PropertyFound)
        {
            return Problem.NotFound("Property not found.", $"No property with renovation code {valid.RenovationCode} is registered.");
        }

        if (!ownership.Value.IsOwner)
        {
            return Problem.Forbidden(DenialReasons.ApplicantNotOwner, $"The applicant holds no share of property {valid.RenovationCode}.");
        }

        // The registry is the authority on the district; the code's own first segment is the fallback
        // should a registry reply ever leave it unset.
        var district = Districts.IsValid(ownership.Value.District) ? ownership.Value.District : valid.RenovationCode.District;
        var result = await opener.OpenAsync(valid, district, caller, cancellationToken);
        if (result.Opened is not { } file)
        {
            return Problem.Conflict(
                "FileAlreadyOpen",
                "The property already has an urban-planning file.",
                $"Property {valid.RenovationCode} already has file {result.ExistingFileNumber}; add service requests to it.")
                .With("fileNumber", result.ExistingFileNumber);
        }

        return new OpenFileResponse(file.FileNumber, file.TrackingCode, file.Status) { ApplicantMobile = caller.ShownMobile(file.ApplicantMobile) };
    }
}
