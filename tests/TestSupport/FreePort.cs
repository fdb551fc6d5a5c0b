using System.Net;
using System.Net.Sockets;

namespace CityEServices.TestSupport;

public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>A loopback port nothing listens on now, below the ephemeral range (see LoopbackPorts), that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = CityEServices.Stack.LoopbackPorts.Listen();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
