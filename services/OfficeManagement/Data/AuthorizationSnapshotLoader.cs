namespace CityEServices.OfficeManagement.Data;

public static class AuthorizationSnapshotLoader
{
    /// <summary>
    /// Reads what <see cref="OfficeAuthorizationRule"/> needs, skipping queries whose answer cannot
    /// matter (a malformed code has no rows). The rule, not this loader, decides.
    /// </summary>
    public static async Task<AuthorizationSnapshot> LoadAuthorizationSnapshotAsync(
        this OfficeManagementDbContext db, AuthorizationRequest request, CertificationPolicy policy, CancellationToken cancellationToken)
    {
        if (ServiceTypes.IsKnown(request.ServiceType) && !policy.IsActive(request.ServiceType))
        {
            return AuthorizationSnapshot.Empty with { ServiceTypeActive = false };
        }

        if (!ServiceTypes.IsKnown(request.ServiceType) || !OfficeCode.TryParse(request.OfficeCode, out var officeCode))
        {
            return AuthorizationSnapshot.Empty;
        }

        var office = await db.Offices.AsNoTracking()
            .Include(o => o.Licences.Where(l => l.ServiceType == request.ServiceType))
            .FirstOrDefaultAsync(o => o.Code == officeCode, cancellationToken);
        if (office is null || !NationalId.TryParse(request.OperatorNationalId, out var nationalId))
        {
            return AuthorizationSnapshot.Empty with { Office = office };
        }

        var staff = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == nationalId && s.OfficeCode == officeCode)
            .ToListAsync(cancellationToken);
        var attempts = await db.QualificationAttempts.AsNoTracking()
            .Where(a => a.NationalId == nationalId && a.ServiceType == request.ServiceType)
            .OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return new AuthorizationSnapshot(office, staff, attempts);
    }
}
