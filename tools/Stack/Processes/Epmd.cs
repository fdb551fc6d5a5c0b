using System.Diagnostics;

namespace CityEServices.Stack.Processes;

/// <summary>
/// RabbitMQ starts an Erlang port mapper daemon that outlives the broker and leaves the process tree
/// (it daemonises): it is known by its private port, and stopped with <c>epmd -port P -kill</c>.
/// </summary>
internal static class Epmd
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
