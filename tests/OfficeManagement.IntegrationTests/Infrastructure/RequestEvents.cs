using CityEServices.Contracts.Events;

namespace CityEServices.OfficeManagement.IntegrationTests.Infrastructure;

/// <summary>Urban planning's request events as its outbox publishes them, for the scorecard and open-data tests.</summary>
public static class RequestEvents
{
    public static ServiceRequestSubmitted Submitted(Guid request, string office, string type, DateTimeOffset at) =>
        new(request, "04000000001", type, office, at.AddDays(14)) { OccurredAt = at };

    public static ServiceRequestStatusChanged Changed(
        Guid request, string office, string type, string from, string to, DateTimeOffset at, string? reasonCode = null, bool slaBreached = false, decimal? feeRial = null) =>
        new(request, "04000000001", type, office, from, to, "reviewer", reasonCode is null ? null : "documents missing", slaBreached)
        {
            OccurredAt = at,
            ReasonCode = reasonCode,
            FeeRial = feeRial,
        };
}
