using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CityEServices.Stack;

/// <summary>
/// Free loopback ports for servers, taken below the kernel's ephemeral range. A port the kernel hands out
/// for port 0 is an ephemeral one, and any outgoing connection on the machine (a test's pooled connection
/// to another stack's PostgreSQL) may take it before the server binds it: PostgreSQL then exits with
/// "Address already in use" and the stack waits for it until its timeout. Below that range only another
/// listener can take it, or another of our processes that picked it a moment ago (<see cref="PortLedger"/>).
/// Compiled into tests/TestSupport as well (FreePort).
/// </summary>
internal static class LoopbackPorts
{
    private const int Floor = 10000;

    /// <summary>A started listener on a free port; the caller reads the port, stops it and hands the port on.</summary>
    public static TcpListener Listen()
    {
        var ceiling = EphemeralLow() - 1;
        for (var attempt = 0; ceiling - Floor >= 1000 && attempt < 200; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, Random.Shared.Next(Floor, ceiling + 1));
            try
            {
                listener.Start();
                if (PortLedger.TryClaim(((IPEndPoint)listener.LocalEndpoint).Port))
                {
                    return listener;
                }
            }
            catch (SocketException)
            {
            }

            listener.Dispose();
        }

        var any = new TcpListener(IPAddress.Loopback, 0);
        any.Start();
        return any;
    }

    private static int EphemeralLow()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
