using CityEServices.Contracts.Events;

namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>Integration events as urban planning would publish them, with unique file numbers per test.</summary>
public static class Events
{
    private static long _fileNumber = 22_000_000_000 + Random.Shared.Next(1, 900_000_000);

    public static string NewFileNumber() => Interlocked.Increment(ref _fileNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static UrbanPlanningFileOpened FileOpened(string fileNumber, DateTimeOffset at, string? mobile = null, string? trackingCode = "7K3M9QXW2HPRT") =>
        new(fileNumber, "22-1-2-3-0-0-0", 22, "S22A", "0076229645", "user:7")
        {
            OccurredAt = at,
            ApplicantMobile = mobile,
            TrackingCode = trackingCode,
        };

    public static ServiceRequestStatusChanged StatusChanged(string fileNumber, string from, string to, DateTimeOffset at) =>
        new(Guid.NewGuid(), fileNumber, "BUILDING_PERMIT", "S22A", from, to, "user:9", null, false) { OccurredAt = at };
}
