namespace CityEServices.OfficeManagement.Features.Staff;

public sealed record NewStaff(NationalId NationalId, string FullName, StaffRole Role);

public sealed record StaffMove(OfficeCode Office, StaffRole? Role);

public sealed record QualificationEntry(string ServiceType, QualificationKind Kind, decimal? Score, bool? Passed);

/// <summary>Pure checks of staff requests: a checked command, or every field error at once (keys are camelCase field names).</summary>
public static class StaffRules
{
    public static Validated<NewStaff> Validate(AddStaffRequest request)
    {
        var errors = new ValidationErrors();
        var nationalId = errors.Parse<NationalId>("nationalId", request.NationalId);
        var fullName = errors.RequiredText(request.FullName, "fullName", "Full name", StaffMember.MaxNameLength);
        var role = Fields.Enum<StaffRole>(request.Role, "role", "Role", errors);
        return errors.Result(() => new NewStaff(nationalId, fullName!, role!.Value));
    }

    public static Validated<StaffMove> Validate(MoveStaffRequest request)
    {
        var errors = new ValidationErrors();
        var office = errors.Parse<OfficeCode>("officeCode", request.OfficeCode);
        var role = request.Role is null ? null : Fields.Enum<StaffRole>(request.Role, "role", "Role", errors);
        return errors.Result(() => new StaffMove(office, role));
    }

    public static Validated<QualificationEntry> Validate(RecordQualificationRequest request, decimal examPassMark)
    {
        var errors = new ValidationErrors();
        var serviceType = Fields.ServiceType(request.ServiceType, errors);
        var kind = Fields.Enum<QualificationKind>(request.Kind, "kind", "Kind", errors);

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

        return errors.Result(() => new QualificationEntry(serviceType!, kind!.Value, request.Score, request.Passed));
    }

    /// <summary>
    /// Null when <paramref name="caller"/> may read <paramref name="person"/>'s record: an admin, or the person
    /// themself signed in as staff (a citizen's token carries a national ID too, but staff records are staff business).
    /// </summary>
    public static Problem? RefuseReading(Caller caller, NationalId person, string what) =>
        caller.IsIn(Roles.Admin) || (caller.Kind == CallerKind.User && NationalId.TryParse(caller.NationalId, out var self) && self == person)
            ? null
            : Problem.Forbidden("NotYourRecord", $"Only an admin or the staff member themself may read {what}.");

    public static Problem NotFound(NationalId person) =>
        Problem.NotFound("Staff member not found.", $"{person} has never been on the staff of an office.");
}
