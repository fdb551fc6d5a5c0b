namespace CityEServices.OfficeManagement.Features.Staff;

/// <summary>
/// Records an exam, interview or training attempt (every attempt is kept; the latest of each kind counts).
/// Any attempt can change an answer (a failed retake ends a certification), so each is announced to
/// authorisation caches; the one that completes a certification also publishes StaffCertified.
/// </summary>
public sealed class RecordQualification(OfficeManagementDbContext db, AuthorizationChanges changes, IOptions<CertificationPolicy> policy, TimeProvider time)
{
    public async Task<Outcome<QualificationRecordedResponse>> HandleAsync(string nationalId, RecordQualificationRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalId, out var person, out var idError))
        {
            return Problem.Invalid("nationalId", idError);
        }

        var rules = policy.Value;
        var validated = StaffRules.Validate(request, rules.ExamPassMark);
        if (validated.Value is not { } entry)
        {
            return Problem.Invalid(validated.Errors);
        }

        // The office named in StaffCertified: where the person is active now, else where they last were.
        var officeCode = await db.Staff.AsNoTracking()
            .Where(s => s.NationalId == person)
            .OrderByDescending(s => s.Active).ThenByDescending(s => s.JoinedAt)
            .Select(s => (OfficeCode?)s.OfficeCode)
            .FirstOrDefaultAsync(cancellationToken);
        if (officeCode is null)
        {
            return Problem.NotFound("Staff member not found.", $"{person} has never been on the staff of an office; add them to an office first.");
        }

        var previous = await db.QualificationAttempts.AsNoTracking()
            .Where(a => a.NationalId == person && a.ServiceType == entry.ServiceType)
            .OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);

        var now = time.GetDatabaseNow();
        var attempt = entry.Kind == QualificationKind.Exam
            ? QualificationAttempt.Exam(person, entry.ServiceType, entry.Score!.Value, rules.ExamPassMark, now, caller.Actor)
            : QualificationAttempt.Assessed(person, entry.ServiceType, entry.Kind, entry.Passed!.Value, entry.Score, now, caller.Actor);
        var status = Certification.Derive(entry.ServiceType, [.. previous, attempt], rules.CertificationValidity);

        db.QualificationAttempts.Add(attempt);
        changes.QualificationRecorded(person, caller, now);
        // This attempt completed the set (first certification, or a renewal that moves the expiry):
        // the fact is published in the same transaction that records the attempt.
        if (ReferenceEquals(status.CompletedBy, attempt))
        {
            db.PublishOnCommit(new StaffCertified(person.Value, officeCode.Value.Value, entry.ServiceType, status.ExpiresAt!.Value)
            {
                OccurredAt = now,
                CorrelationId = caller.CorrelationId,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await changes.CommittedAsync();
        return new QualificationRecordedResponse(QualificationAttemptResponse.From(attempt), QualificationStatusResponse.From(person, status, now));
    }
}
