using CityEServices.UrbanPlanning.Data;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// The real urban-planning service (its Program, its migrations, its outbox relay) on a TestServer.
/// The services it asks (office management, property, archive) are fakes on real gRPC endpoints.
/// </summary>
public class UrbanPlanningService(ServerFixture servers) : ServiceFactory<UrbanPlanningDbContext>(servers, "urbanplanning", Extensions.DatabaseName)
{
    public FakeGrpcServer<FakeOfficeAuthorizationService, FakeOffices> OfficeManagement { get; } = new(new FakeOffices());

    public FakeGrpcServer<FakePropertyRegistryService, FakeProperties> Property { get; } = new(new FakeProperties());

    public FakeGrpcServer<FakeArchiveCatalogService, FakeArchive> Archive { get; } = new(new FakeArchive());

    public FakeOffices Offices => OfficeManagement.State;

    public FakeArchive Documents => Archive.State;

    public FakeProperties Properties => Property.State;

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [];

    public override async Task InitializeAsync()
    {
        await OfficeManagement.StartAsync();
        await Property.StartAsync();
        await Archive.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        // Straight at the fakes' ports; service discovery passes a literal address through.
        settings["Grpc:OfficeManagement"] = OfficeManagement.Address.ToString();
        settings["Grpc:Property"] = Property.Address.ToString();
        settings["Grpc:Archive"] = Archive.Address.ToString();
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await OfficeManagement.DisposeAsync();
        await Property.DisposeAsync();
        await Archive.DisposeAsync();
    }
}
