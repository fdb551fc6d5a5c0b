using System.Diagnostics;

namespace CityEServices.TestSupport;

/// <summary>
/// RabbitMQ starts an Erlang port mapper daemon that outlives the broker; a test run that started one
/// on a private port stops it, so no process is left behind.
/// </summary>
public static class Epmd
{
    public static void Kill(int port)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("epmd", $"-port {port} -kill")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            process?.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No epmd binary: no daemon to stop either.
        }
    }
}
