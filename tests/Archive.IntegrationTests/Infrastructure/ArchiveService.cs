using CityEServices.Archive.Data;
using CityEServices.Archive.Infrastructure.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>
/// The real archive service (its Program, migrations, consumer and gRPC server) on a TestServer, with
/// events published as urban planning's relay does (<see cref="ServiceFactory{TEntryPoint}.PublishAsync"/>)
/// and office management a fake on a real gRPC endpoint (<see cref="Offices"/>).
/// </summary>
public class ArchiveService(ServerFixture servers) : ServiceFactory<ArchiveDbContext>(servers, "archive", Extensions.DatabaseName)
{
    public Deliveries Deliveries => Factory.Services.GetRequiredService<Deliveries>();

    public FakeOfficeManagement OfficeManagement { get; } = new();

    /// <summary>Office management's answers; every operator is authorised until a test refuses their office or them.</summary>
    public FakeOffices Offices => OfficeManagement.Offices;

    /// <summary>This fixture's own content store, removed with it.</summary>
    public string ContentRoot { get; } = RepositoryPaths.NewDataDirectory("archive-content");

    /// <summary>The upload limit the tests run with: large enough for the streaming test, small enough to exceed cheaply.</summary>
    public const long MaxDocumentBytes = 40L * 1024 * 1024;

    /// <summary>The scheduled fixity run's interval; off unless a test class turns it on.</summary>
    protected virtual TimeSpan FixityInterval => TimeSpan.Zero;

    /// <summary>How often this replica's fixity worker looks for runs; zero leaves runs to the replicas a test makes.</summary>
    protected virtual TimeSpan FixityWorkerInterval => TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long office management's answers are kept here: the longest allowed, so that a change taking
    /// effect at once shows the OfficeAuthorizationChanged event at work, not the cache running out.
    /// </summary>
    public static readonly TimeSpan AuthorizationCacheTimeToLive = TimeSpan.FromMinutes(1);

    public override async Task InitializeAsync()
    {
        await OfficeManagement.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Archive:ContentRoot"] = ContentRoot;
        settings["Archive:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Archive:Fixity:Interval"] = FixityInterval.ToString("c");
        settings["Archive:Fixity:WorkerInterval"] = FixityWorkerInterval.ToString("c");
        // Straight at the fake; service discovery passes a literal address through.
        settings["Grpc:officemanagement"] = OfficeManagement.Address.ToString();
        settings["OfficeAuthorization:CacheTimeToLive"] = AuthorizationCacheTimeToLive.ToString("c");
    }

    /// <summary>Where the store keeps the content with this hash.</summary>
    public string ContentPath(string sha256) => Path.Combine(ContentRoot, sha256[..2], sha256[2..4], sha256);

    /// <summary>Temporary upload files left in the store (there should be none once an upload is answered).</summary>
    public int LeftoverTempFiles() => Directory.Exists(Path.Combine(ContentRoot, "tmp")) ? Directory.GetFiles(Path.Combine(ContentRoot, "tmp")).Length : 0;

    /// <summary>Called with each directory the content store syncs, just before the real sync; null when no test is watching.</summary>
    public Action<string>? OnDirectorySync { get; set; }

    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(string messageType) => OutboxRowsWhereAsync("message_type LIKE @t", ("t", "%" + messageType));

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        // Lets a test know when a delivery has been dealt with, duplicates included.
        services.AddSingleton<Deliveries>();
        services.AddConsumeObserver<DeliveryObserver>();
        services.AddSingleton(provider => new ContentStore(provider.GetRequiredService<IOptions<ArchiveStorageOptions>>(), provider.GetRequiredService<IHostEnvironment>())
        {
            SyncDirectory = folder =>
            {
                OnDirectorySync?.Invoke(folder);
                Durable.FsyncDirectory(folder);
            },
        });
    }

    /// <summary>A dossier as the consumer would have written it, for tests about reading rather than consuming.</summary>
    public Task InsertDossierAsync(string fileNumber, string renovationCode, int district, string officeCode) =>
        ExecuteAsync(
            "INSERT INTO dossiers (file_number, renovation_code, district, office_code, opened_at, created_at) VALUES (@f, @r, @d, @o, now(), now())",
            ("f", fileNumber), ("r", renovationCode), ("d", district), ("o", officeCode));

    public Task InsertDocumentAsync(string category, string? fileNumber, string? renovationCode, int? district, int version = 1) =>
        ExecuteAsync(
            """
            INSERT INTO documents (id, category_code, renovation_code, file_number, district, title, source, sha256, size_bytes, content_type, pages, version, scanned_at, created_at)
            VALUES (@id, @c, @r, @f, @d, @t, 'OfficeScan', @h, 1024, 'application/pdf', 1, @v, now(), now())
            """,
            ("id", Guid.NewGuid()), ("c", category), ("r", renovationCode), ("f", fileNumber), ("d", district), ("t", $"{category} scan"),
            ("h", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()))), ("v", version));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await OfficeManagement.DisposeAsync();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
            // Left for ./city test's sweep of the test data folder.
        }
    }
}
