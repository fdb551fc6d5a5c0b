using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace CityEServices.Deployment.Tests;

/// <summary>
/// overlays/prod/restore recreates prod's PostgreSQL cluster from its backups: the same cluster, reading
/// the archive prod writes, archiving under a new name (never over the archive it restores from).
/// </summary>
public class RestoreTests
{
    [Fact]
    public async Task The_restore_overlay_recreates_the_prod_cluster_from_the_archive_prod_writes()
    {
        var prod = await Manifests.RenderAsync("prod");
        var restore = await Manifests.RenderAsync("prod/restore");
        ManifestTests.AssertNone(RestoreProblems(prod, restore));
    }

    public static IEnumerable<string> RestoreProblems(Manifests prod, Manifests restore)
    {
        var original = prod.OfKind("Cluster").Single();
        var name = original.Map("metadata").Str("name");
        if (restore.OfKind("Cluster").SingleOrDefault(c => c.Map("metadata").Str("name") == name) is not { } restored)
        {
            yield return $"the restore overlay has no Cluster/{name}: the services, Database resources and policies all name it";
            yield break;
        }

        var recovery = restored.Map("spec").Map("bootstrap").Map("recovery");
        var source = restored.Map("spec").Seq("externalClusters").FirstOrDefault(c => c.Str("name") == recovery?.Str("source"));
        if (recovery is null || source is null)
        {
            yield return $"the restored Cluster/{name} does not bootstrap by recovery from an external cluster";
            yield break;
        }

        var written = original.Map("spec").Map("backup").Map("barmanObjectStore")!;
        var read = source.Map("barmanObjectStore");
        foreach (var field in new[] { "destinationPath", "endpointURL", "s3Credentials", "serverName" })
        {
            if (Text(written.Map(field) ?? (YamlNode?)Scalar(written, field)) != Text(read.Map(field) ?? (YamlNode?)Scalar(read, field)))
            {
                yield return $"the restore reads {field} '{Text(read.Map(field) ?? (YamlNode?)Scalar(read, field))}', but prod's backups go to '{Text(written.Map(field) ?? (YamlNode?)Scalar(written, field))}'";
            }
        }

        var archivesTo = restored.Map("spec").Map("backup").Map("barmanObjectStore").Str("serverName");
        if (archivesTo is null || archivesTo == read.Str("serverName"))
        {
            yield return $"the restored cluster archives under serverName '{archivesTo}', the archive it restores from: choose a new RESTORED_SERVER_NAME (restore.env)";
        }

        if (recovery.Map("recoveryTarget")?.Str("targetTime") is not { Length: > 0 } target || !DateTimeOffset.TryParse(target, out _))
        {
            yield return $"the restore's recoveryTarget.targetTime '{recovery.Map("recoveryTarget")?.Str("targetTime")}' is not a moment (RECOVERY_TARGET_TIME in restore.env)";
        }

        // Apart from how it starts and where it archives, it is prod's cluster: same instances, roles, rules.
        var expected = Comparable(original);
        var actual = Comparable(restored);
        if (expected != actual)
        {
            yield return $"the restored Cluster/{name} differs from prod's beyond bootstrap, externalClusters and backup serverName:\n{actual}\nprod:\n{expected}";
        }
    }

    private static YamlScalarNode? Scalar(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(key, out var child) ? child as YamlScalarNode : null;

    private static string Text(YamlNode? node) => node switch
    {
        null => "",
        YamlScalarNode scalar => scalar.Value ?? "",
        _ => new SerializerBuilder().Build().Serialize(node),
    };

    private static string Comparable(YamlMappingNode cluster)
    {
        var copy = Manifests.Parse("copy", Text(cluster)).Documents[0];
        var spec = copy.Map("spec");
        spec.Remove("bootstrap");
        spec.Remove("externalClusters");
        spec.Map("backup").Map("barmanObjectStore").Remove("serverName");
        return Text(copy);
    }
}
