namespace CityEServices.Gateway.Tests.Infrastructure;

/// <summary>A tracking answer in the shape urban planning serves (DESIGN's tracking interface).</summary>
public static class TrackedFile
{
    public const string TrackingCode = "TRK-PAGE-1";
    public const string NationalId = "0076229645";

    public const string Json = """
        {
          "fileNumber": "22001840320",
          "district": 22,
          "openedAt": { "utc": "2025-11-29T11:00:00Z", "jalali": "1404/09/08 14:30" },
          "requests": [
            {
              "requestId": "7b0d6c1e-2f6a-4a40-9a57-3f1f2b0c9d11",
              "serviceType": "BUILDING_PERMIT",
              "serviceTitleFa": "پروانه ساختمانی",
              "status": "UnderReview",
              "dueAt": { "utc": "2025-12-29T11:00:00Z", "jalali": "1404/10/08 14:30" },
              "slaBreached": false,
              "timeline": [
                { "at": { "utc": "2025-11-29T11:05:00Z", "jalali": "1404/09/08 14:35" }, "fromStatus": null, "toStatus": "Submitted", "note": null },
                { "at": { "utc": "2025-11-30T07:00:00Z", "jalali": "1404/09/09 10:30" }, "fromStatus": "Submitted", "toStatus": "UnderReview", "note": "بررسی کارشناس" }
              ]
            }
          ]
        }
        """;
}
