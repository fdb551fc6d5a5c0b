using CityEServices.Contracts.Codes;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.UrbanPlanning.Domain;
using CityEServices.UrbanPlanning.Domain.Requests;
using CityEServices.UrbanPlanning.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.UrbanPlanning.Data;

/// <summary>
/// Writes requests and their moves: the state, the recorded transition and the events they announce
/// go in one SaveChanges (one transaction); the citizen's cached timeline is dropped after the commit.
/// </summary>
public sealed class RequestWriter(UrbanPlanningDbContext db, TimeProvider time, TrackingCache tracking)
{
    public async Task<ServiceRequest> CreateAsync(
        UrbanPlanningFile file, ServiceRule rule, RequestDetails details, IEnumerable<string> held, string actor, string? correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetDatabaseNow();
        var missing = rule.RequiredDocuments.Except(held, StringComparer.Ordinal);
        var request = ServiceRequest.Create(Guid.CreateVersion7(now), file.FileNumber, rule, details, missing, actor, now);
        db.Requests.Add(request);
        Publish(RequestEvents.For(request, file, request.Transitions[^1], correlationId));
        await db.SaveChangesAsync(cancellationToken);
        await tracking.InvalidateAsync(file.TrackingCode);
        return request;
    }

    /// <summary>Moves a tracked request; for Issue also numbers it and announces the type's own event.</summary>
    public async Task MoveAsync(
        ServiceRequest request, UrbanPlanningFile file, RequestStatus to, string actor, string? note, string? reasonCode, string? correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetDatabaseNow();
        var transition = request.MoveTo(to, actor, now, note, reasonCode);
        Publish(RequestEvents.For(request, file, transition, correlationId));
        if (to == RequestStatus.Issued)
        {
            var prefix = RequestEvents.NumberPrefix(request.ServiceType);
            var issuedBefore = await db.Requests.CountAsync(
                r => r.FileNumber == file.FileNumber && r.ServiceType == request.ServiceType && r.IssuedNumber != null, cancellationToken);
            request.RecordIssued($"{prefix}-{file.FileNumber}-{issuedBefore + 1:00}");
            var permit = request.ServiceType == ServiceTypes.CompletionCertificate ? await IssuedBuildingPermitAsync(file.FileNumber, cancellationToken) : null;
            if (RequestEvents.Issued(request, file, permit?.Details, now, correlationId) is { } issued)
            {
                db.PublishOnCommit(issued);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await tracking.InvalidateAsync(file.TrackingCode);
    }

    public Task<ServiceRequest?> IssuedBuildingPermitAsync(string fileNumber, CancellationToken cancellationToken) =>
        db.Requests.AsNoTracking()
            .Where(r => r.FileNumber == fileNumber && r.ServiceType == ServiceTypes.BuildingPermit && r.Status == RequestStatus.Issued)
            .OrderByDescending(r => r.ClosedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private void Publish(IEnumerable<Contracts.Events.IntegrationEvent> events)
    {
        foreach (var integrationEvent in events)
        {
            db.PublishOnCommit(integrationEvent);
        }
    }
}
