namespace CityEServices.ArchiveImport;

public static class ImportReportWriter
{
    public static void Write(ImportReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(report.Interrupted ? "Import interrupted (run again to resume)" : "Import finished");
        output.WriteLine($"  imported: {report.Imported}");
        output.WriteLine($"  skipped:  {report.Skipped}");
        output.WriteLine($"  rejected: {report.Rejected}");
        foreach (var row in report.Rows.Where(r => r.Outcome == RowOutcome.Skipped))
        {
            output.WriteLine($"    skipped  line {row.Line} {row.Path}: {row.Reason}");
        }

        foreach (var row in report.Rows.Where(r => r.Outcome == RowOutcome.Rejected))
        {
            output.WriteLine($"    rejected line {row.Line} {row.Path}: {row.Reason}");
        }
    }
}
