namespace CityEServices.Stack;

/// <summary>Reads why a project stopped while the stack was starting, from its last lines.</summary>
public static class StartupCrash
{
    /// <summary>How many of its last lines are kept: an unhandled exception's message and stack fit.</summary>
    public const int LinesKept = 60;

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
