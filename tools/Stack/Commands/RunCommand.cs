using System.Security.Cryptography;

namespace CityEServices.Stack.Commands;

/// <summary>
/// A developer's stack in the foreground: the AppHost's own ports (dashboard http://localhost:18888,
/// gateway http://localhost:8080), its data in .city/data, until SIGTERM (./city turns Ctrl-C into one).
/// <c>--replicas N</c> runs every service N times behind the gateway (the AppHost's Scale:Replicas).
/// Other extra arguments are AppHost switches; its environment variables (Parameters__admin-password,
/// Gateway__RateLimits__…, Infrastructure__Mode, ConnectionStrings__…) apply as they always do.
/// </summary>
internal static class RunCommand
{
    private const string PasswordVariable = "Parameters__admin-password";

    public static async Task<int> RunAsync(string[] arguments)
    {
        if (!TryReadReplicas(arguments, out var replicas, out var appHostArgs))
        {
            Say.Line("--replicas wants a number from 1 to 9, e.g. ./city run --replicas 2");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } ? null : StoredPassword();
        Say.Line("dashboard: http://localhost:18888    gateway: http://localhost:8080");
        Say.Line("SMS to citizens go to the local sink: GET http://localhost:8080/api/notifications/sms (admin)");
        Say.Line(password is null ? $"admin password (user 'admin'): ${PasswordVariable}" : $"admin password (user 'admin'): {PasswordFile}");
        if (replicas > 1)
        {
            Say.Line($"{replicas} replicas of every service (property, property-2, …) behind the gateway");
        }

        Say.Line("Ctrl-C stops everything");

        using var signals = new StopSignals();
        try
        {
            await using var stack = await CityStack.StartAsync(new StackOptions
            {
                Name = "run",
                Dashboard = true,
                AdminPassword = password,
                AppHostArgs = appHostArgs,
                Replicas = replicas,
                StopsOnSigterm = true,
                WaitUntilHealthy = false,
            }, Say.Line, signals.Token);
            _ = ReportHealthAsync(stack, signals.Token);
            await signals.WaitAsync();
            Say.Line("stopping (this takes a few seconds)");
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            // Stopped while starting: CityStack has stopped what it had started.
        }
        catch (InvalidOperationException ex)
        {
            Say.Line(ex.Message);
            return 1;
        }

        Say.Line("stopped");
        return 0;
    }

    private static bool TryReadReplicas(string[] arguments, out int replicas, out string[] rest)
    {
        replicas = 1;
        var others = new List<string>();
        for (var i = 0; i < arguments.Length; i++)
        {
            var value = arguments[i] switch
            {
                "--replicas" when i + 1 < arguments.Length => arguments[++i],
                "--replicas" => "",
                var a when a.StartsWith("--replicas=", StringComparison.Ordinal) => a["--replicas=".Length..],
                _ => null,
            };
            if (value is null)
            {
                others.Add(arguments[i]);
            }
            else if (!int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out replicas) || replicas is < 1 or > 9)
            {
                rest = [];
                return false;
            }
        }

        rest = [.. others];
        return true;
    }

    private static async Task ReportHealthAsync(CityStack stack, CancellationToken cancellationToken)
    {
        try
        {
            await stack.WaitUntilHealthyAsync(cancellationToken);
            Say.Line($"every service answers /health after {stack.StartedIn.TotalSeconds:F0} s (processes: {Path.GetRelativePath(Repository.Root, stack.LedgerPath)})");
        }
        catch (InvalidOperationException ex)
        {
            Say.Line($"{ex.Message}: see its logs in the dashboard");
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string PasswordFile => Path.Combine(Repository.State, "admin-password");

    /// <summary>Generated once into .city/admin-password (mode 600), then kept.</summary>
    private static string StoredPassword()
    {
        Directory.CreateDirectory(Repository.State);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Repository.State, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (File.Exists(PasswordFile) && File.ReadAllText(PasswordFile).Trim() is { Length: > 0 } kept)
        {
            return kept;
        }

        var password = $"City-{RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 20)}-Aa1";
        File.WriteAllText(PasswordFile, "");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(PasswordFile, password + "\n");
        return password;
    }
}
