using CityEServices.Contracts.Events;

namespace CityEServices.Messaging.Tests;

/// <summary>Real Contracts events, as services publish them.</summary>
internal static class Events
{
    /// <summary>When the test events happened: a fixed instant, so no test depends on today's date.</summary>
    public static readonly DateTimeOffset At = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    public static UrbanPlanningFileOpened FileOpened(string fileNumber) =>
        new(fileNumber, RenovationCode: "1-2-3", District: 6, OfficeCode: "OFF-0601", ApplicantNationalId: "0012345679", OpenedBy: "tester")
        {
            OccurredAt = Events.At,
            CorrelationId = $"corr-{fileNumber}",
        };

    public static ServiceRequestSubmitted RequestSubmitted(string fileNumber) =>
        new(Guid.NewGuid(), fileNumber, ServiceType: "building-permit", OfficeCode: "OFF-0601", DueAt: At.AddDays(7)) { OccurredAt = Events.At };
}
