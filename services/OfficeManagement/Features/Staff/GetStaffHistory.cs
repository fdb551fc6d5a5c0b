namespace CityEServices.OfficeManagement.Features.Staff;

/// <summary>Where a person serves and served: every engagement, newest first (an admin, or the person).</summary>
public sealed class GetStaffHistory(OfficeManagementDbContext db)
{
    public async Task<Outcome<StaffHistoryResponse>> HandleAsync(string nationalId, Caller caller, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problem.Invalid("nationalId", idError);
        }

        if (StaffRules.RefuseReading(caller, person, "this history") is { } refused)
        {
            return refused;
        }

        var engagements = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == person)
            .OrderByDescending(s => s.JoinedAt)
            .ToListAsync(cancellationToken);
        if (engagements.Count == 0)
        {
            return StaffRules.NotFound(person);
        }

        var current = engagements.FirstOrDefault(s => s.Active)?.OfficeCode.Value;
        return new StaffHistoryResponse(person, current, [.. engagements.Select(StaffResponse.From)]);
    }
}
