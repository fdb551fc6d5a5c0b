namespace CityEServices.OfficeManagement.Features.Offices;

public sealed record NewOffice(OfficeCode Code, string Name, int District, string Address, OfficeStatus Status);

public sealed record OfficeFilter(int? District, OfficeStatus? Status, string? ServiceType, PageRequest Page);

public sealed record StatusChange(OfficeStatus Status, string? Note);

/// <summary>Pure checks of office requests: a checked command, or every field error at once (keys are camelCase field names).</summary>
public static class OfficeRules
{
    /// <summary>Literal segments under /api/offices that would shadow an office of the same code.</summary>
    public static readonly IReadOnlySet<string> ReservedOfficeCodes = new HashSet<string>(StringComparer.Ordinal) { "SCORECARDS" };

    public static Validated<NewOffice> Validate(CreateOfficeRequest request)
    {
        var errors = new ValidationErrors();
        var code = errors.Parse<OfficeCode>("code", request.Code);
        if (!errors.Has("code") && ReservedOfficeCodes.Contains(code.Value))
        {
            errors.Add("code", $"{code} is a reserved route name (/api/offices/{code.Value.ToLowerInvariant()}) and cannot be an office code.");
        }

        var name = errors.RequiredText(request.Name, "name", "Name", Office.MaxNameLength);
        if (request.District is not { } district)
        {
            errors.Add("district", "District is required.");
        }
        else if (district is < 1 or > 22)
        {
            errors.Add("district", $"District must be 1 to 22; got {district}.");
        }

        var address = errors.RequiredText(request.Address, "address", "Address", Office.MaxAddressLength);
        var status = request.Status is null ? OfficeStatus.Pilot : Fields.Enum<OfficeStatus>(request.Status, "status", "Status", errors);

        return errors.Result(() => new NewOffice(code, name!, request.District!.Value, address!, status!.Value));
    }

    public static Validated<OfficeFilter> ValidateFilter(string? district, string? status, string? serviceType, string? page, string? pageSize)
    {
        var errors = new ValidationErrors();
        var inDistrict = Fields.DistrictFilter(district, errors);
        var parsedStatus = status is null ? null : Fields.Enum<OfficeStatus>(status, "status", "Status", errors);
        var type = serviceType is null ? null : Fields.ServiceType(serviceType, errors);
        var pageRequest = PageRequest.Read(page, pageSize, errors);
        return errors.Result(() => new OfficeFilter(inDistrict, parsedStatus, type, pageRequest));
    }

    public static Validated<StatusChange> Validate(ChangeStatusRequest request)
    {
        var errors = new ValidationErrors();
        var status = Fields.Enum<OfficeStatus>(request.Status, "status", "Status", errors);
        if (request.Note is { Length: > OfficeStatusChange.MaxNoteLength })
        {
            errors.Add("note", $"Note must be at most {OfficeStatusChange.MaxNoteLength} characters.");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return errors.Result(() => new StatusChange(status!.Value, note));
    }

    public static Validated<string> Validate(GrantLicenceRequest request)
    {
        var errors = new ValidationErrors();
        var serviceType = Fields.ServiceType(request.ServiceType, errors);
        return errors.Result(() => serviceType!);
    }

    public static Problem NotFound(OfficeCode code) => Problem.NotFound("Office not found.", $"There is no office {code}.");

    /// <summary>The 409 for a change the office's current state refuses.</summary>
    public static Problem Conflict(Refusal refusal, string title) => Problem.Conflict(refusal.Reason, title, refusal.Detail);
}
