using CityEServices.Contracts.Events;

namespace CityEServices.Messaging.Tests;

/// <summary>Real Contracts events, as services publish them.</summary>
internal static class Events
{
    public static UrbanPlanningFileOpened FileOpened(string fileNumber) =>
        new(fileNumber, RenovationCode: "1-2-3", District: 6, OfficeCode: "OFF-0601", ApplicantNationalId: "0012345679", OpenedBy: "tester")
        {
            CorrelationId = $"corr-{fileNumber}",
        };

    public static ServiceRequestSubmitted RequestSubmitted(string fileNumber) =>
        new(Guid.NewGuid(), fileNumber, ServiceType: "building-permit", OfficeCode: "OFF-0601", DueAt: DateTimeOffset.UtcNow.AddDays(7));
}
