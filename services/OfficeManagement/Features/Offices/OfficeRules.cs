using CityEServices.Contracts.Codes;
using CityEServices.Iran;
using CityEServices.OfficeManagement.Domain;
using CityEServices.Web.Problems;

namespace CityEServices.OfficeManagement.Api;

public sealed record NewOffice(OfficeCode Code, string Name, int District, string Address, OfficeStatus Status);

public sealed record NewStaff(NationalId NationalId, string FullName, StaffRole Role);

public sealed record OfficeFilter(int? District, OfficeStatus? Status, string? ServiceType, int Page, int PageSize);

public sealed record StatusChange(OfficeStatus Status, string? Note);

public sealed record StaffMove(OfficeCode Office, StaffRole? Role);

public sealed record QualificationEntry(string ServiceType, QualificationKind Kind, decimal? Score, bool? Passed);

/// <summary>Pure request validation: a checked command, or every field error at once (keys are camelCase field names).</summary>
public static class Validators
{
    /// <summary>Literal segments under /api/offices that would shadow an office of the same code.</summary>
    public static readonly IReadOnlySet<string> ReservedOfficeCodes = new HashSet<string>(StringComparer.Ordinal) { "SCORECARDS" };

    public static Validated<NewOffice> Validate(CreateOfficeRequest request)
    {
        var errors = new ValidationErrors();
        OfficeCode? code = OfficeCode.TryParse(request.Code, out var parsed, out var codeError) ? parsed : null;
        errors.AddIf("code", codeError);
        if (code is { } candidate && ReservedOfficeCodes.Contains(candidate.Value))
        {
            errors.Add("code", $"{candidate} is a reserved route name (/api/offices/{candidate.Value.ToLowerInvariant()}) and cannot be an office code.");
            code = null;
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
        var status = request.Status is null ? OfficeStatus.Pilot : ParseEnum<OfficeStatus>(request.Status, "status", "Status", errors);

        return errors.IsEmpty
            ? Validated<NewOffice>.Valid(new NewOffice(code!.Value, name!, request.District!.Value, address!, status!.Value))
            : Validated<NewOffice>.Invalid(errors);
    }

    public static Validated<OfficeFilter> ValidateFilter(int? district, string? status, string? serviceType, int? page, int? pageSize)
    {
        var errors = new ValidationErrors();
        if (district is < 1 or > 22)
        {
            errors.Add("district", $"District must be 1 to 22; got {district}.");
        }

        var parsedStatus = status is null ? null : ParseEnum<OfficeStatus>(status, "status", "Status", errors);
        var type = serviceType is null ? null : ServiceType(serviceType, errors);
        var (pageNumber, size) = Paging.Check(page, pageSize, errors);
        return errors.IsEmpty
            ? Validated<OfficeFilter>.Valid(new OfficeFilter(district, parsedStatus, type, pageNumber, size))
            : Validated<OfficeFilter>.Invalid(errors);
    }

    public static Validated<StatusChange> Validate(ChangeStatusRequest request)
    {
        var errors = new ValidationErrors();
        var status = ParseEnum<OfficeStatus>(request.Status, "status", "Status", errors);
        if (request.Note is { Length: > OfficeStatusChange.MaxNoteLength })
        {
            errors.Add("note", $"Note must be at most {OfficeStatusChange.MaxNoteLength} characters.");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        return errors.IsEmpty ? Validated<StatusChange>.Valid(new StatusChange(status!.Value, note)) : Validated<StatusChange>.Invalid(errors);
    }

    public static Validated<StaffMove> Validate(MoveStaffRequest request)
    {
        var errors = new ValidationErrors();
        OfficeCode? office = OfficeCode.TryParse(request.OfficeCode, out var parsed, out var codeError) ? parsed : null;
        errors.AddIf("officeCode", codeError);
        var role = request.Role is null ? null : ParseEnum<StaffRole>(request.Role, "role", "Role", errors);
        return errors.IsEmpty ? Validated<StaffMove>.Valid(new StaffMove(office!.Value, role)) : Validated<StaffMove>.Invalid(errors);
    }

    /// <summary>A service type given in a route or query: one field error when it is not a code.</summary>
    public static string? ServiceTypeField(string? value, ValidationErrors errors) => ServiceType(value, errors);

    public static Validated<string> Validate(GrantLicenceRequest request)
    {
        var errors = new ValidationErrors();
        var serviceType = ServiceType(request.ServiceType, errors);
        return serviceType is null ? Validated<string>.Invalid(errors) : Validated<string>.Valid(serviceType);
    }

    public static Validated<NewStaff> Validate(AddStaffRequest request)
    {
        var errors = new ValidationErrors();
        NationalId? nationalId = NationalId.TryParse(request.NationalId, out var parsed, out var idError) ? parsed : null;
        errors.AddIf("nationalId", idError);
        var fullName = errors.RequiredText(request.FullName, "fullName", "Full name", StaffMember.MaxNameLength);
        var role = ParseEnum<StaffRole>(request.Role, "role", "Role", errors);
        return errors.IsEmpty
            ? Validated<NewStaff>.Valid(new NewStaff(nationalId!.Value, fullName!, role!.Value))
            : Validated<NewStaff>.Invalid(errors);
    }

    public static Validated<QualificationEntry> Validate(RecordQualificationRequest request, decimal examPassMark)
    {
        var errors = new ValidationErrors();
        var serviceType = ServiceType(request.ServiceType, errors);
        var kind = ParseEnum<QualificationKind>(request.Kind, "kind", "Kind", errors);

        if (request.Score is { } score && (score < 0 || score > QualificationAttempt.MaxScore || decimal.Round(score, 2) != score))
        {
            errors.Add("score", $"Score must be 0 to {QualificationAttempt.MaxScore} with at most two decimal places; got {score}.");
        }
        else if (kind == QualificationKind.Exam)
        {
            if (request.Score is not { } examScore)
            {
                errors.Add("score", "An exam needs its score.");
            }
            else if (request.Passed is { } claimed && claimed != QualificationAttempt.ExamPasses(examScore, examPassMark))
            {
                errors.Add("passed", $"An exam passes on its score: {examScore} {(claimed ? "does not reach" : "reaches")} the pass mark of {examPassMark}.");
            }
        }
        else if (kind is not null && request.Passed is null)
        {
            errors.Add("passed", $"Say whether the {kind.Value.ToString().ToLowerInvariant()} was passed.");
        }

        return errors.IsEmpty
            ? Validated<QualificationEntry>.Valid(new QualificationEntry(serviceType!, kind!.Value, request.Score, request.Passed))
            : Validated<QualificationEntry>.Invalid(errors);
    }

    private static string? ServiceType(string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("serviceType", "Service type is required (see GET /api/service-types).");
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        if (!ServiceTypes.IsKnown(code))
        {
            errors.Add("serviceType", $"'{value}' is not a service type; known: {string.Join(", ", ServiceTypes.All)}.");
            return null;
        }

        return code;
    }

    /// <summary>Names only, case-insensitive; numbers are refused so that "1" never means a value by accident.</summary>
    private static TEnum? ParseEnum<TEnum>(string? value, string field, string label, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>();
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{label} is required: one of {string.Join(", ", names)}.");
            return null;
        }

        var name = names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, $"{label} '{value}' is not one of {string.Join(", ", names)}.");
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }
}
