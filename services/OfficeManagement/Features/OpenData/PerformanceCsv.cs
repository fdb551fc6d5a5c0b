using System.Globalization;
using System.Text;

namespace CityEServices.OfficeManagement.Features.OpenData;

/// <summary>
/// The report as CSV (RFC 4180): a header, the whole range (key <c>all</c>), then one line per group;
/// a suppressed row has empty figures. Numbers are invariant (a dot for decimals).
/// </summary>
public static class PerformanceCsv
{
    public const string ContentType = "text/csv";

    private static readonly string[] Header =
    [
        "from", "to", "group_by", "key", "name", "suppressed", "requests", "issued",
        "median_turnaround_working_days", "p90_turnaround_working_days", "sla_compliance", "first_time_right_rate", "fees_collected_rial",
    ];

    public static string Write(PerformanceReport report)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var row in (IEnumerable<PerformanceRow>)[report.Total, .. report.Groups])
        {
            string?[] fields =
            [
                report.From, report.To, report.GroupBy, row.Key, row.Name, row.Suppressed ? "true" : "false",
                Number(row.Requests), Number(row.Issued), Number(row.MedianTurnaroundWorkingDays), Number(row.P90TurnaroundWorkingDays),
                Number(row.SlaCompliance), Number(row.FirstTimeRightRate), Number(row.FeesCollectedRial),
            ];
            csv.Append(string.Join(',', fields.Select(Escape))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string? Number<T>(T? value) where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture);

    private static string Escape(string? field) =>
        field is null ? string.Empty
        : field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : field;
}
