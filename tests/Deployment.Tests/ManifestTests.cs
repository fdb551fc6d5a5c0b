namespace CityEServices.Deployment.Tests;

/// <summary>Both overlays, rendered by kubectl kustomize, against the AppHost's model of the suite.</summary>
public class ManifestTests
{
    public static TheoryData<string> Overlays => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_AppHost_project_has_a_Deployment_running_its_image(string overlay) =>
        AssertNone(ManifestChecks.EveryProjectHasADeployment(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_variable_the_AppHost_gives_a_service_is_set_in_its_Deployment(string overlay) =>
        AssertNone(ManifestChecks.EnvironmentProvided(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Ports_and_probes_agree_with_the_services(string overlay) =>
        AssertNone(ManifestChecks.PortsAndProbes(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Addresses_of_other_services_point_at_their_Services_and_ports(string overlay) =>
        AssertNone(ManifestChecks.AddressesPointAtServices(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [InlineData("dev", true)]
    [InlineData("prod", false)]
    public async Task Images_are_pinned(string overlay, bool expectBuildVersion) =>
        AssertNone(ManifestChecks.ImagesPinned(await Manifests.RenderAsync(overlay), expectBuildVersion));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_has_limits_and_runs_without_root(string overlay) =>
        AssertNone(ManifestChecks.LimitsAndNonRoot(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Network_policies_admit_only_the_callers_the_AppHost_wires(string overlay) =>
        AssertNone(ManifestChecks.NetworkPolicies(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_service_with_a_database_migrates_it_in_an_init_container(string overlay) =>
        AssertNone(ManifestChecks.MigrationsRunBeforeServing(await Manifests.RenderAsync(overlay), await AppHostModel.LoadProjectsAsync()));

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Secret_values_are_not_in_the_manifests(string overlay) =>
        AssertNone(ManifestChecks.SecretsStayOutOfGit(await Manifests.RenderAsync(overlay)));

    [Fact]
    public async Task Prod_keeps_autoscaling_and_disruption_budgets_for_every_service()
    {
        var manifests = await Manifests.RenderAsync("prod");
        foreach (var project in await AppHostModel.LoadProjectsAsync())
        {
            Assert.True(manifests.Find("HorizontalPodAutoscaler", project.Name) is not null, $"prod: no HorizontalPodAutoscaler for '{project.Name}'");
            Assert.True(manifests.Find("PodDisruptionBudget", project.Name) is not null, $"prod: no PodDisruptionBudget for '{project.Name}'");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_archive_keeps_its_content_on_a_volume_claim(string overlay)
    {
        var manifests = await Manifests.RenderAsync(overlay);
        var archive = manifests.Deployment("archive")!;
        var root = manifests.EnvironmentOf(archive.MainContainer!).GetValueOrDefault("Archive__ContentRoot");
        Assert.False(root is null, $"{overlay}: the archive's Deployment sets no Archive__ContentRoot");
        var mount = archive.MainContainer.Seq("volumeMounts").FirstOrDefault(m => m.Str("mountPath") == root);
        Assert.False(mount is null, $"{overlay}: nothing is mounted at the archive's content root {root}");
        var volume = archive.PodSpec.Seq("volumes").First(v => v.Str("name") == mount.Str("name"));
        var claim = volume.Map("persistentVolumeClaim").Str("claimName");
        Assert.False(claim is null || manifests.Find("PersistentVolumeClaim", claim) is null, $"{overlay}: the archive's content volume is not a PersistentVolumeClaim of this overlay");
    }

    internal static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):\n" + string.Join("\n", list));
    }
}
