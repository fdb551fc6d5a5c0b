namespace CityEServices.Gateway.Tests.Infrastructure;

/// <summary>An open-data answer in the shape office management serves (GET /api/open-data/performance).</summary>
public static class OpenDataAnswer
{
    public const string Json = """
        {
          "from": "1404/01",
          "to": "1404/06",
          "groupBy": "office",
          "minimumCellSize": 5,
          "generatedAt": { "utc": "2025-10-01T08:00:00Z", "jalali": "1404/07/09 11:30" },
          "total": { "key": "all", "name": null, "suppressed": false, "requests": 31, "issued": 22,
            "medianTurnaroundWorkingDays": 6.5, "p90TurnaroundWorkingDays": 14, "slaCompliance": 0.87, "firstTimeRightRate": 0.74, "feesCollectedRial": 93000000 },
          "groups": [
            { "key": "1201", "name": "دفتر خدمات الکترونیک ۱۲۰۱", "suppressed": false, "requests": 20, "issued": 15,
              "medianTurnaroundWorkingDays": 5, "p90TurnaroundWorkingDays": 12, "slaCompliance": 0.9, "firstTimeRightRate": 0.8, "feesCollectedRial": 60000000 },
            { "key": "1402", "name": "دفتر خدمات الکترونیک ۱۴۰۲", "suppressed": false, "requests": 8, "issued": 6,
              "medianTurnaroundWorkingDays": 9, "p90TurnaroundWorkingDays": 15, "slaCompliance": 0.75, "firstTimeRightRate": 0.625, "feesCollectedRial": 33000000 },
            { "key": "2207", "name": "دفتر خدمات الکترونیک ۲۲۰۷", "suppressed": true, "requests": null, "issued": null,
              "medianTurnaroundWorkingDays": null, "p90TurnaroundWorkingDays": null, "slaCompliance": null, "firstTimeRightRate": null, "feesCollectedRial": null }
          ]
        }
        """;
}
