namespace CityEServices.OfficeManagement.Domain;

/// <summary>
/// Why an operator may not serve a request; the names are the gRPC contract's reason strings, which the
/// other services pass on in their 403s. Each names what an admin would have to change.
/// </summary>
public enum AuthorizationRefusal
{
    /// <summary>Not a code of the catalog, or a code the catalog has switched off.</summary>
    ServiceTypeInactive,
    OfficeNotFound,
    OfficeSuspended,
    OfficeClosed,

    /// <summary>The office has never been licensed for the service type.</summary>
    OfficeNotLicensed,

    /// <summary>The office was licensed for the service type, and the licence was revoked.</summary>
    LicenceRevoked,

    /// <summary>The person has never been on this office's staff (or the national ID is malformed).</summary>
    OperatorNotAtOffice,

    /// <summary>The person was on this office's staff, and was deactivated or moved away.</summary>
    StaffInactive,

    /// <summary>The latest exam, interview and training for the service type have not all passed.</summary>
    NotCertified,
    CertificationExpired,
}

public sealed record AuthorizationRequest(string OfficeCode, string OperatorNationalId, string ServiceType);

/// <summary>
/// What the rule needs, loaded in one go: the office with its licences (null when there is none), every
/// staff record of the operator (any office), every qualification attempt of the operator, and whether
/// the catalog has the service type switched on.
/// </summary>
public sealed record AuthorizationSnapshot(
    Office? Office,
    IReadOnlyList<StaffMember> OperatorStaffRecords,
    IReadOnlyList<QualificationAttempt> OperatorAttempts,
    bool ServiceTypeActive = true)
{
    public static AuthorizationSnapshot Empty { get; } = new(null, [], []);
}

public sealed record AuthorizationDecision(bool Allowed, AuthorizationRefusal? Reason, string Detail)
{
    /// <summary>When an allowed answer stops holding by itself (the certification's expiry).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public static AuthorizationDecision Allow(string detail, DateTimeOffset? expiresAt = null) => new(true, null, detail) { ExpiresAt = expiresAt };

    public static AuthorizationDecision Refuse(AuthorizationRefusal reason, string detail) => new(false, reason, detail);
}

/// <summary>
/// May this operator serve this service type at this office now? A pure rule over a snapshot. The
/// checks run in this order and the first failure is the answer:
/// <list type="number">
/// <item>ServiceTypeInactive: not a code in Contracts' ServiceTypes, or switched off in the catalog.</item>
/// <item>OfficeNotFound: no office has the code (or the code is malformed).</item>
/// <item>OfficeSuspended, then OfficeClosed: only Pilot and Active offices serve.</item>
/// <item>OfficeNotLicensed (never licensed for the type) or LicenceRevoked (licensed once, revoked, not
/// granted again): no unrevoked licence for the service type.</item>
/// <item>OperatorNotAtOffice (never on this office's staff, or a malformed national ID) or StaffInactive
/// (on it once, deactivated or moved away): no active staff record of this person at this office.</item>
/// <item>NotCertified: the latest exam, interview and training have not all passed.</item>
/// <item>CertificationExpired: certified, but the validity period has run out.</item>
/// </list>
/// Office checks come first because they answer for every operator at the counter at once.
/// </summary>
public static class OfficeAuthorizationRule
{
    public static AuthorizationDecision Evaluate(AuthorizationRequest request, AuthorizationSnapshot snapshot, TimeSpan certificationValidity, TimeProvider clock)
    {
        var serviceType = request.ServiceType;
        if (!ServiceTypes.IsKnown(serviceType))
        {
            return AuthorizationDecision.Refuse(AuthorizationRefusal.ServiceTypeInactive, $"'{serviceType}' is not a service type.");
        }

        if (!snapshot.ServiceTypeActive)
        {
            return AuthorizationDecision.Refuse(AuthorizationRefusal.ServiceTypeInactive, $"{serviceType} is switched off in the service-type catalog.");
        }

        if (!OfficeCode.TryParse(request.OfficeCode, out var officeCode) || snapshot.Office is not { } office || office.Code != officeCode)
        {
            return AuthorizationDecision.Refuse(AuthorizationRefusal.OfficeNotFound, $"There is no office '{request.OfficeCode}'.");
        }

        switch (office.Status)
        {
            case OfficeStatus.Suspended:
                return AuthorizationDecision.Refuse(AuthorizationRefusal.OfficeSuspended, $"Office {office.Code} is suspended.");
            case OfficeStatus.Closed:
                return AuthorizationDecision.Refuse(AuthorizationRefusal.OfficeClosed, $"Office {office.Code} is closed.");
        }

        if (!office.IsLicensedFor(serviceType))
        {
            return office.LostLicenceFor(serviceType)
                ? AuthorizationDecision.Refuse(AuthorizationRefusal.LicenceRevoked, $"The licence of office {office.Code} for {serviceType} has been revoked.")
                : AuthorizationDecision.Refuse(AuthorizationRefusal.OfficeNotLicensed, $"Office {office.Code} is not licensed for {serviceType}.");
        }

        var records = NationalId.TryParse(request.OperatorNationalId, out var nationalId)
            ? snapshot.OperatorStaffRecords.Where(s => s.NationalId == nationalId && s.OfficeCode == office.Code).ToList()
            : [];
        if (records.Count == 0)
        {
            return AuthorizationDecision.Refuse(AuthorizationRefusal.OperatorNotAtOffice, $"{request.OperatorNationalId} is not on the staff of office {office.Code}.");
        }

        if (!records.Any(s => s.Active))
        {
            var last = records.MaxBy(s => s.JoinedAt)!;
            var ended = last.EndReason == StaffEndReason.Moved ? "moved away from" : "was deactivated at";
            return AuthorizationDecision.Refuse(AuthorizationRefusal.StaffInactive, $"{nationalId} {ended} office {office.Code} at {last.DeactivatedAt:O}.");
        }

        var status = Certification.Derive(serviceType, snapshot.OperatorAttempts.Where(a => a.NationalId == nationalId), certificationValidity);
        if (!status.IsCertified)
        {
            return AuthorizationDecision.Refuse(AuthorizationRefusal.NotCertified, $"{nationalId} is not certified for {serviceType}.");
        }

        var now = clock.GetUtcNow();
        if (status.IsExpiredAt(now))
        {
            return AuthorizationDecision.Refuse(AuthorizationRefusal.CertificationExpired, $"The certification of {nationalId} for {serviceType} expired at {status.ExpiresAt:O}.");
        }

        return AuthorizationDecision.Allow($"{nationalId} may serve {serviceType} at office {office.Code} until {status.ExpiresAt:O}.", status.ExpiresAt);
    }
}
