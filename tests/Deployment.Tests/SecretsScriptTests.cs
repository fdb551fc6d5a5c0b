using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>create-secrets.sh makes every Secret, with every key, that an overlay reads, and a credential of its own for each service.</summary>
public class SecretsScriptTests
{
    public static readonly IReadOnlyDictionary<string, string> BackupKeys = new Dictionary<string, string>
    {
        ["BACKUP_ACCESS_KEY_ID"] = "test-access-key",
        ["BACKUP_SECRET_ACCESS_KEY"] = "test-secret-key",
        // The SMS provider's key: prod creates notifications-sms only when it is given.
        ["SMS_API_KEY"] = "test-sms-key",
    };

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_script_creates_every_Secret_and_key_the_overlay_reads(string overlay)
    {
        var manifests = await Manifests.RenderAsync(overlay);
        var created = await SecretsScript.CreateAsync(overlay, BackupKeys);
        ManifestTests.AssertNone(Missing(manifests, created));
    }

    [Fact]
    public async Task Prod_gives_every_service_its_own_passwords()
    {
        var created = await SecretsScript.CreateAsync("prod", BackupKeys);
        var passwords = created.Where(s => s.Values.ContainsKey("password")).GroupBy(s => s.Values["password"]).Where(g => g.Count() > 1).ToList();
        Assert.True(passwords.Count == 0, "Secrets sharing a password: " + string.Join("; ", passwords.Select(g => string.Join(", ", g.Select(s => s.Name)))));
        Assert.All(created.Where(s => s.Values.TryGetValue("connection-string", out _)), s =>
            Assert.Contains(s.Values.GetValueOrDefault("password") ?? "no password key", s.Values["connection-string"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prod_without_the_backup_bucket_keys_creates_no_Secret()
    {
        var run = await SecretsScript.RunAsync("prod");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BACKUP_ACCESS_KEY_ID", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Secrets);
    }

    /// <summary>Every (Secret, key) the rendered overlay reads that the script does not create; the Gateway's TLS certificate is the operator's (cert-manager).</summary>
    public static IEnumerable<string> Missing(Manifests manifests, IReadOnlyList<CreatedSecret> created)
    {
        var byName = created.ToDictionary(s => s.Name);
        foreach (var (where, secret, key, type) in References(manifests))
        {
            if (!byName.TryGetValue(secret, out var made))
            {
                yield return $"{manifests.Overlay}: {where} reads Secret {secret}, which create-secrets.sh {manifests.Overlay} does not create";
            }
            else if (key is not null && !made.Values.ContainsKey(key))
            {
                yield return $"{manifests.Overlay}: {where} reads key '{key}' of Secret {secret}, which create-secrets.sh does not put there";
            }
            else if (type is not null && made.Type != type)
            {
                yield return $"{manifests.Overlay}: {where} needs Secret {secret} of type {type}; create-secrets.sh makes it {made.Type ?? "Opaque"}";
            }
        }

        foreach (var role in manifests.OfKind("Cluster").SelectMany(c => c.Map("spec").Map("managed").Seq("roles")))
        {
            if (role.Map("passwordSecret").Str("name") is { } secret && byName.TryGetValue(secret, out var made) && made.Values.GetValueOrDefault("username") != role.Str("name"))
            {
                yield return $"{manifests.Overlay}: role '{role.Str("name")}' takes its password from Secret {secret}, whose username is '{made.Values.GetValueOrDefault("username")}' (CloudNativePG wants the role's name)";
            }
        }
    }

    private static IEnumerable<(string Where, string Secret, string? Key, string? Type)> References(Manifests manifests)
    {
        foreach (var workload in manifests.Workloads)
        {
            foreach (var container in workload.AllContainers)
            {
                foreach (var variable in container.Seq("env"))
                {
                    if (variable.Map("valueFrom").Map("secretKeyRef") is { } reference)
                    {
                        yield return ($"{workload} {variable.Str("name")}", reference.Str("name")!, reference.Str("key"), null);
                    }
                }

                foreach (var source in container.Seq("envFrom"))
                {
                    if (source.Map("secretRef")?.Str("name") is { } secret)
                    {
                        yield return ($"{workload} envFrom", secret, null, null);
                    }
                }
            }
        }

        foreach (var cluster in manifests.OfKind("Cluster"))
        {
            var name = $"Cluster/{cluster.Map("metadata").Str("name")}";
            foreach (var role in cluster.Map("spec").Map("managed").Seq("roles"))
            {
                if (role.Map("passwordSecret").Str("name") is { } secret)
                {
                    yield return ($"{name} role {role.Str("name")}", secret, "username", "kubernetes.io/basic-auth");
                    yield return ($"{name} role {role.Str("name")}", secret, "password", "kubernetes.io/basic-auth");
                }
            }

            foreach (var credential in cluster.Map("spec").Map("backup").Map("barmanObjectStore").Map("s3Credentials")?.Children.Values.OfType<YamlMappingNode>() ?? [])
            {
                yield return ($"{name} backup credentials", credential.Str("name")!, credential.Str("key"), null);
            }
        }

        foreach (var user in manifests.OfKind("User").Where(u => u.Map("spec").Map("importCredentialsSecret") is not null))
        {
            var secret = user.Map("spec").Map("importCredentialsSecret").Str("name")!;
            yield return ($"User/{user.Map("metadata").Str("name")}", secret, "username", null);
            yield return ($"User/{user.Map("metadata").Str("name")}", secret, "password", null);
        }
    }
}
