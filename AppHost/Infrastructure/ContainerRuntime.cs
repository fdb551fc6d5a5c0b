using System.Diagnostics;

namespace CityEServices.AppHost.Infrastructure;

/// <summary>
/// Asks the container runtime Aspire would use whether an engine is behind it. A docker client with no
/// daemon (as on these machines) fails `info`, which is exactly the case where containers never start.
/// </summary>
public static class ContainerRuntime
{
    public static bool Answers(string? configuredRuntime)
    {
        var runtime = string.IsNullOrWhiteSpace(configuredRuntime) ? "docker" : configuredRuntime;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such executable
        }
    }
}
