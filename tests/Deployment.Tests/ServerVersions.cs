using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// deploy/server-versions/versions.env: the one place the server versions are written. The overlays take
/// their server images from it; locally the AppHost runs the Debian servers installed here.
/// </summary>
public static partial class ServerVersions
{
    public static string FilePath => Path.Combine(RepositoryPaths.Root, "deploy", "server-versions", "versions.env");

    /// <summary>The file's KEY=image lines.</summary>
    public static IReadOnlyDictionary<string, string> Read(string? text = null) =>
        (text ?? File.ReadAllText(FilePath)).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('='))
            .ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);

    /// <summary>Which server an image is: postgres, rabbitmq or redis (by its repository's last part), else null.</summary>
    public static string? ServerOf(string image)
    {
        var repository = Images.Repository(image);
        var last = repository[(repository.LastIndexOf('/') + 1)..];
        return last switch
        {
            "postgres" or "postgresql" => "postgres",
            "rabbitmq" => "rabbitmq",
            "redis" => "redis",
            _ => null,
        };
    }

    /// <summary>"15.14-alpine" → "15" for PostgreSQL (one number since 10), "3.10.25-management" → "3.10", "7.0.15" → "7.0".</summary>
    public static string? Series(string server, string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return null;
        }

        return server == "postgres" ? match.Groups[1].Value : $"{match.Groups[1].Value}.{match.Groups[2].Value}";
    }

    /// <summary>The server images an overlay runs: its servers' containers and its operators' operand images.</summary>
    public static IEnumerable<(string Where, string Image)> InManifests(Manifests manifests)
    {
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                if (container.Str("image") is { } image && ServerOf(image) is not null)
                {
                    yield return ($"{workload} container '{container.Str("name")}'", image);
                }
            }
        }

        foreach (var cluster in manifests.OfKind("Cluster").Where(c => c.Map("spec").Str("imageName") is not null))
        {
            yield return ($"Cluster/{cluster.Map("metadata").Str("name")}", cluster.Map("spec").Str("imageName")!);
        }

        foreach (var cluster in manifests.OfKind("RabbitmqCluster"))
        {
            yield return ($"RabbitmqCluster/{cluster.Map("metadata").Str("name")}", cluster.Map("spec").Str("image") ?? "(the operator's default)");
        }
    }

    /// <param name="everyServer">The overlay runs all three servers (the restore overlay has PostgreSQL only).</param>
    public static IEnumerable<string> Check(Manifests manifests, IReadOnlyDictionary<string, string> versions, bool everyServer)
    {
        var pinned = versions.Values.ToHashSet();
        var seen = new HashSet<string>();
        foreach (var (where, image) in InManifests(manifests))
        {
            if (!pinned.Contains(image))
            {
                yield return $"{manifests.Overlay}: {where} runs {image}, which is not in deploy/server-versions/versions.env: server versions are written there only";
            }
            else
            {
                seen.Add(ServerOf(image)!);
            }
        }

        foreach (var server in new[] { "postgres", "rabbitmq", "redis" }.Where(s => !seen.Contains(s) && (everyServer || s == "postgres")))
        {
            yield return $"{manifests.Overlay}: no {server} image from deploy/server-versions/versions.env in the overlay";
        }
    }

    /// <summary>
    /// The machine whose servers production's versions are pinned to: Debian 12, as CI. Elsewhere (Debian 13,
    /// Ubuntu) the distribution ships other series, and production's cannot be the same as those.
    /// </summary>
    public static bool OnReferenceSystem(string? osRelease = null)
    {
        osRelease ??= File.Exists("/etc/os-release") ? File.ReadAllText("/etc/os-release") : "";
        var fields = Read(osRelease);
        return fields.GetValueOrDefault("ID")?.Trim('"') == "debian" && fields.GetValueOrDefault("VERSION_ID")?.Trim('"') == "12";
    }

    /// <summary>
    /// What is wrong with production's versions against this machine's servers: on the reference system each series
    /// must be the one installed, so the tests run what production runs; elsewhere none may be newer than the one
    /// installed, so no test here runs on a server older than production's.
    /// </summary>
    public static IEnumerable<string> CompareWithLocal(IReadOnlyDictionary<string, string> versions, IReadOnlyDictionary<string, string?> local, bool onReference)
    {
        foreach (var (key, image) in versions)
        {
            var server = ServerOf(image);
            var series = Images.Tag(image) is { } tag && server is not null ? Series(server, tag) : null;
            if (series is null)
            {
                yield return $"versions.env: {key}={image} is not a tagged PostgreSQL, RabbitMQ or Redis image";
            }
            else if (local[server!] is not { } installed)
            {
                yield return $"{server} is not installed here (apt-get install postgresql rabbitmq-server redis-server, as ./city does): nothing to compare {key} with";
            }
            else if (onReference && series != installed)
            {
                yield return $"versions.env: {key}={image} is {server} {series}, but the AppHost runs {server} {installed} locally (Debian 12, the reference system)";
            }
            else if (!onReference && SeriesVersion(series) > SeriesVersion(installed))
            {
                yield return $"versions.env: {key}={image} is {server} {series}, newer than this machine's {server} {installed}: the tests here would run on an older server than production";
            }
        }
    }

    private static Version SeriesVersion(string series) => Version.Parse(series.Contains('.') ? series : series + ".0");

    /// <summary>The series of the Debian servers the AppHost runs locally (AppHost/servers/*.sh start the installed binaries).</summary>
    public static IReadOnlyDictionary<string, string?> Local()
    {
        var postgres = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(Path.GetFileName).Where(d => File.Exists($"/usr/lib/postgresql/{d}/bin/postgres")).Order().LastOrDefault()
            : null;
        var rabbit = Directory.Exists("/usr/lib/rabbitmq/lib")
            ? Directory.GetDirectories("/usr/lib/rabbitmq/lib", "rabbitmq_server-*").Select(d => Path.GetFileName(d)["rabbitmq_server-".Length..]).Order().LastOrDefault()
            : null;
        string? redis = null;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("redis-server", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            redis = Regex.Match(output, @"v=(\d+\.\d+\.\d+)").Groups[1].Value;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // not installed
        }

        return new Dictionary<string, string?>
        {
            ["postgres"] = postgres is null ? null : Series("postgres", postgres),
            ["rabbitmq"] = rabbit is null ? null : Series("rabbitmq", rabbit),
            ["redis"] = string.IsNullOrEmpty(redis) ? null : Series("redis", redis),
        };
    }

    [GeneratedRegex(@"^(\d+)(?:\.(\d+))?")]
    private static partial Regex VersionPattern();
}
