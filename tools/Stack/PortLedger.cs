using System.Globalization;

namespace CityEServices.Stack;

/// <summary>
/// The ports our processes on this machine handed out in the last minutes. A port is free when it is picked, and
/// stays free until its server binds it — for a gateway at the end of a stack's start, half a minute later. Test
/// assemblies run in parallel processes, each starting servers and stacks, so without this another process could pick
/// the same free port meanwhile (CI saw a gateway fail with "address already in use"). One small file under an
/// exclusive lock; when it cannot be used, the listener check alone decides, as before.
/// </summary>
internal static class PortLedger
{
    public static readonly string DefaultPath = Path.Combine(Path.GetTempPath(), "cityeservices-ports.ledger");
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    /// <summary>Records <paramref name="port"/> as handed out, unless another process's lease on it has not expired.</summary>
    public static bool TryClaim(int port, string? ledger = null)
    {
        using var file = OpenLocked(ledger ?? DefaultPath);
        if (file is null)
        {
            return true;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var leases = Read(file).Where(lease => lease.Expires > now).ToList();
        if (leases.Exists(lease => lease.Port == port))
        {
            return false;
        }

        leases.Add((port, now + (long)Lease.TotalSeconds));
        file.SetLength(0);
        using var writer = new StreamWriter(file);
        leases.ForEach(lease => writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lease.Port} {lease.Expires}")));
        return true;
    }

    private static List<(int Port, long Expires)> Read(FileStream file)
    {
        using var reader = new StreamReader(file, leaveOpen: true);
        var leases = new List<(int, long)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var port) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var expires))
            {
                leases.Add((port, expires));
            }
        }

        file.Position = 0;
        return leases;
    }

    // FileShare.None is an exclusive flock on Linux: one process at a time reads and rewrites the ledger.
    private static FileStream? OpenLocked(string path)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
