namespace CityEServices.UrbanPlanning.Data;

/// <summary>The integration events a request's moves announce (written to the outbox by the caller).</summary>
public static class RequestEvents
{
    /// <summary>
    /// StatusChanged for every move (not for creation, which has no "from"), plus Submitted the first
    /// time the request reaches Submitted: that is when the SLA clock starts and the due date is known.
    /// </summary>
    public static IEnumerable<IntegrationEvent> For(ServiceRequest request, UrbanPlanningFile file, RequestTransition transition, string? correlationId)
    {
        var dueAt = request.Clock.DueAt(transition.At);
        if (transition.FromStatus is { } from)
        {
            yield return new ServiceRequestStatusChanged(
                request.Id, request.FileNumber, request.ServiceType, file.OfficeCode, from.ToString(), transition.ToStatus.ToString(),
                transition.Actor, transition.Note, request.Clock.IsBreached(transition.At))
            {
                ReasonCode = transition.ReasonCode,
                DueAt = dueAt,
                FeeRial = request.FeeRial,
                OccurredAt = transition.At,
                CorrelationId = correlationId,
            };
        }

        if (transition.ToStatus == RequestStatus.Submitted && request.SubmittedAt == transition.At && dueAt is { } due)
        {
            yield return new ServiceRequestSubmitted(request.Id, request.FileNumber, request.ServiceType, file.OfficeCode, due)
            {
                OccurredAt = transition.At,
                CorrelationId = correlationId,
            };
        }
    }

    /// <summary>The type-specific fact of an issued request; null for types nobody consumes an issue event of.</summary>
    public static IntegrationEvent? Issued(ServiceRequest request, UrbanPlanningFile file, RequestDetails? buildingPermit, DateTimeOffset at, string? correlationId)
    {
        var details = request.Details;
        var number = request.IssuedNumber ?? throw new InvalidOperationException("An issued request has a number.");
        IntegrationEvent? issued = request.ServiceType switch
        {
            ServiceTypes.BuildingPermit => new BuildingPermitIssued(
                request.Id, file.FileNumber, file.RenovationCode, number, details.Integer("floors"), details.Decimal("areaM2") ?? 0, details.Text("usage"))
            {
                OccurredAt = at,
            },
            ServiceTypes.ExcavationPermit => new ExcavationPermitIssued(
                request.Id, file.FileNumber, file.RenovationCode, number, details.Text("street"), details.Decimal("lengthM") ?? 0,
                details.Decimal("depthM") ?? 0, details.Integer("durationDays"))
            {
                OccurredAt = at,
            },
            ServiceTypes.WasteContract => new WasteContractSigned(
                request.Id, file.FileNumber, file.RenovationCode, number, details.Decimal("volumeM3") ?? 0, details.Text("hauler"), details.Text("disposalSite"))
            {
                OccurredAt = at,
            },
            // What was completed is what the building permit allowed.
            ServiceTypes.CompletionCertificate => new CompletionCertificateIssued(
                request.Id, file.FileNumber, file.RenovationCode, number, buildingPermit?.Integer("floors") ?? 0, buildingPermit?.Decimal("areaM2") ?? 0)
            {
                OccurredAt = at,
            },
            _ => null,
        };
        return issued is null ? null : issued with { CorrelationId = correlationId };
    }

    /// <summary>Prefix of the number an issued request gets: BP-22001840320-01 is the file's first building permit.</summary>
    public static string NumberPrefix(string serviceType) => serviceType switch
    {
        ServiceTypes.BuildingPermit => "BP",
        ServiceTypes.ExcavationPermit => "EP",
        ServiceTypes.WasteContract => "WC",
        ServiceTypes.CompletionCertificate => "CC",
        ServiceTypes.EngineeringReport => "ER",
        ServiceTypes.ArchitectureReview => "AR",
        ServiceTypes.NoViolationCertificate => "NV",
        ServiceTypes.SupervisingEngineer => "SE",
        _ => "XX",
    };
}
