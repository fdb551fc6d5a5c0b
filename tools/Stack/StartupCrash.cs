namespace CityEServices.Stack;

/// <summary>Reads why a project stopped while the stack was starting, from its last lines.</summary>
public static class StartupCrash
{
    /// <summary>How many of its last lines are kept: an unhandled exception's message and stack fit.</summary>
    public const int LinesKept = 60;

    /// <summary>How many lines of the first failure logged are kept besides the last lines.</summary>
    public const int FailureLinesKept = 30;

    /// <summary>True for the first line of a logged error (console format "fail:" or "crit:", colours or not).</summary>
    public static bool StartsFailure(string line) => StartsLevel(line, "fail") || StartsLevel(line, "crit");

    /// <summary>True for the first line of any console log entry ("info:", "warn:", "fail:"…), which ends the lines before it.</summary>
    public static bool StartsEntry(string line) => Levels.Any(level => StartsLevel(line, level));

    private static readonly string[] Levels = ["trce", "dbug", "info", "warn", "fail", "crit"];

    // The console formatter writes the level and then ": ", with a colour reset between them when coloured.
    private static bool StartsLevel(string line, string level) =>
        line.Contains(level + "\u001b[39m", StringComparison.Ordinal) || line.Contains(level + ": ", StringComparison.Ordinal);

    /// <summary>
    /// The last <paramref name="kept"/> errors in a console log, each its "fail:"/"crit:" line and what
    /// follows it (message, exception, stack; at most <see cref="FailureLinesKept"/> lines) up to the next entry.
    /// </summary>
    public static IEnumerable<string> LastFailures(IEnumerable<string> lines, int kept)
    {
        var failures = new Queue<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (StartsFailure(line))
            {
                failures.Enqueue(current = [line]);
                if (failures.Count > kept)
                {
                    failures.Dequeue();
                }
            }
            else if (StartsEntry(line))
            {
                current = null;
            }
            else if (current is { Count: < FailureLinesKept })
            {
                current.Add(line);
            }
        }

        return failures.SelectMany(f => f);
    }

    /// <summary>
    /// True when Kestrel failed to bind because the port was taken: not a fault of the service, and
    /// gone once whoever held the port lets go of it.
    /// </summary>
    public static bool LostItsPort(IEnumerable<string> lastLines) => BindError(lastLines) is not null;

    /// <summary>The line that says the port was taken, if one does.</summary>
    public static string? BindError(IEnumerable<string> lastLines) => lastLines.FirstOrDefault(line =>
        line.Contains("Failed to bind to address", StringComparison.Ordinal)
        && line.Contains("address already in use", StringComparison.OrdinalIgnoreCase));
}
