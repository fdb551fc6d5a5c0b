namespace CityEServices.OfficeManagement.Features.Staff;

/// <summary>Every attempt of a person and their certification status per service type (an admin, or the person).</summary>
public sealed class GetQualifications(OfficeManagementDbContext db, IOptions<CertificationPolicy> policy, TimeProvider time)
{
    public async Task<Outcome<StaffQualificationsResponse>> HandleAsync(string nationalId, Caller caller, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problem.Invalid("nationalId", idError);
        }

        if (StaffRules.RefuseReading(caller, person, "these qualifications") is { } refused)
        {
            return refused;
        }

        var known = await db.Staff.AnyAsync(s => s.NationalId == person, cancellationToken);
        var attempts = await db.QualificationAttempts.AsNoTracking()
            .Where(a => a.NationalId == person)
            .OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (!known && attempts.Count == 0)
        {
            return Problem.NotFound("Staff member not found.", $"{person} has no staff record and no qualifications.");
        }

        var now = time.GetUtcNow();
        var validity = policy.Value.CertificationValidity;
        var statuses = attempts.Select(a => a.ServiceType).Distinct()
            .Select(type => QualificationStatusResponse.From(person, Certification.Derive(type, attempts, validity), now))
            .ToList();
        return new StaffQualificationsResponse(person, statuses, [.. attempts.Select(QualificationAttemptResponse.From)]);
    }
}
