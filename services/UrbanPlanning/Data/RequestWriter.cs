using CityEServices.Contracts.Grpc.Property;

namespace CityEServices.UrbanPlanning.Data;

/// <summary>
/// Writes requests and their moves: the state, the recorded transition (by <see cref="Caller.Actor"/>)
/// and the events they announce (with the caller's correlation id) go in one SaveChanges, one
/// transaction; the citizen's cached timeline is dropped after the commit.
/// </summary>
public sealed class RequestWriter(UrbanPlanningDbContext db, TimeProvider time, TrackingCache tracking, DocumentIssuer documents)
{
    public async Task<ServiceRequest> CreateAsync(
        UrbanPlanningFile file, ServiceRule rule, RequestDetails details, IEnumerable<string> held, Caller caller, string? applicantNationalId, CancellationToken cancellationToken)
    {
        var now = time.GetDatabaseNow();
        // An operator of another office takes the file up in the same commit as the request it makes.
        if (file.HandOver(caller.OfficeCode!, caller.Actor, now) is { } handOver)
        {
            db.Files.Attach(file).Property(f => f.OfficeCode).IsModified = true;
            db.FileChanges.Add(handOver);
            db.PublishOnCommit(new UrbanPlanningFileHandedOver(file.FileNumber, file.RenovationCode, file.District, handOver.FromOfficeCode!, file.OfficeCode)
            {
                OccurredAt = now,
                CorrelationId = caller.CorrelationId,
            });
        }

        var missing = rule.RequiredDocuments.Except(held, StringComparer.Ordinal);
        var request = ServiceRequest.Create(Guid.CreateVersion7(now), file.FileNumber, rule, details, missing, caller.Actor, now, applicantNationalId);
        db.Requests.Add(request);
        Publish(RequestEvents.For(request, file, request.Transitions[^1], caller.CorrelationId));
        await db.SaveChangesAsync(cancellationToken);
        await tracking.InvalidateAsync(file.TrackingCode);
        return request;
    }

    /// <summary>
    /// Moves a tracked request and saves it (one transaction); for Issue also numbers it, makes its
    /// document (from <paramref name="property"/>, the registry's answer at the moment of issuing) and
    /// announces the type's own event.
    /// </summary>
    public async Task MoveAsync(
        ServiceRequest request, UrbanPlanningFile file, RequestStatus to, Caller caller, string? note, string? reasonCode, CancellationToken cancellationToken,
        PropertyReply? property = null)
    {
        await StageMoveAsync(request, file, to, caller, note, reasonCode, cancellationToken, property);
        await db.SaveChangesAsync(cancellationToken);
        await InvalidateTrackingAsync(file);
    }

    /// <summary>
    /// Records the move and its events without saving, for a caller that commits it in a transaction of
    /// its own (then calls <see cref="InvalidateTrackingAsync"/> after the commit).
    /// </summary>
    public async Task StageMoveAsync(
        ServiceRequest request, UrbanPlanningFile file, RequestStatus to, Caller caller, string? note, string? reasonCode, CancellationToken cancellationToken,
        PropertyReply? property = null)
    {
        var now = time.GetDatabaseNow();
        var transition = request.MoveTo(to, caller.Actor, now, note, reasonCode);
        Publish(RequestEvents.For(request, file, transition, caller.CorrelationId));
        if (to == RequestStatus.Issued)
        {
            var permit = request.ServiceType == ServiceTypes.CompletionCertificate ? await db.IssuedBuildingPermitAsync(file.FileNumber, cancellationToken) : null;
            // A document's number is its unguessable document number; other outcomes keep the file's sequence.
            var document = property is null ? null : await documents.StageAsync(request, file, property, permit, now, caller.CorrelationId, cancellationToken);
            if (document is not null)
            {
                request.RecordIssued(document.Number);
            }
            else
            {
                var prefix = RequestEvents.NumberPrefix(request.ServiceType);
                var issuedBefore = await db.Requests.CountAsync(
                    r => r.FileNumber == file.FileNumber && r.ServiceType == request.ServiceType && r.IssuedNumber != null, cancellationToken);
                request.RecordIssued($"{prefix}-{file.FileNumber}-{issuedBefore + 1:00}");
            }

            if (RequestEvents.Issued(request, file, permit?.Details, now, caller.CorrelationId) is { } issued)
            {
                db.PublishOnCommit(issued);
            }
        }
    }

    /// <summary>Drops the citizen's cached timeline of the file; after the commit, so no read caches the state before it.</summary>
    public Task InvalidateTrackingAsync(UrbanPlanningFile file) => tracking.InvalidateAsync(file.TrackingCode);

    private void Publish(IEnumerable<Contracts.Events.IntegrationEvent> events)
    {
        foreach (var integrationEvent in events)
        {
            db.PublishOnCommit(integrationEvent);
        }
    }
}
