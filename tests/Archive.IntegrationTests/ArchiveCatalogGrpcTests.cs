using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Codes;
using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Contracts.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// GetDossierSummary over the service's real gRPC pipeline (HTTP/2 through the TestServer), with the
/// caller's bearer token as urban planning forwards it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ArchiveCatalogGrpcTests : ServiceTest<ArchiveService>, IClassFixture<ArchiveService>, IAsyncLifetime
{
    private const string File = "04000000001";
    private const string Property = "4-1-1-1-0-0-0";

    private readonly GrpcChannel _channel;
    private readonly ArchiveCatalog.ArchiveCatalogClient _client;

    public ArchiveCatalogGrpcTests(ArchiveService service, ITestOutputHelper output)
        : base(service, output)
    {
        _channel = GrpcChannel.ForAddress(service.Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = service.Factory.Server.CreateHandler() });
        _client = new ArchiveCatalog.ArchiveCatalogClient(_channel);
    }

    public async Task InitializeAsync()
    {
        // Once per class: the fixture's database is this class's alone.
        if (await Service.CountAsync("SELECT count(*) FROM dossiers") > 0)
        {
            return;
        }

        await Service.InsertDossierAsync(File, Property, 4, "OFC4");
        await Service.InsertDocumentAsync(DocumentCategories.OwnershipDeed, File, Property, 4);
        await Service.InsertDocumentAsync(DocumentCategories.IdentityDocument, File, Property, 4);
        await Service.InsertDocumentAsync(DocumentCategories.IdentityDocument, File, Property, 4, version: 2);
        // Scanned for the property before this system had a file for it: counts for the property.
        await Service.InsertDocumentAsync(DocumentCategories.ArchitecturalPlan, null, Property, 4);
        // Another property's file: never counts here.
        await Service.InsertDossierAsync("04000000002", "4-1-1-2-0-0-0", 4, "OFC4");
        await Service.InsertDocumentAsync(DocumentCategories.StructuralPlan, "04000000002", "4-1-1-2-0-0-0", 4);
        // Disposed of after its retention: no longer held, so never named.
        await Service.InsertDocumentAsync(DocumentCategories.SitePlan, File, Property, 4);
        await Service.ExecuteAsync("UPDATE documents SET disposed_at = now() WHERE category_code = @c", ("c", DocumentCategories.SitePlan));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _channel.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };

    private static readonly string OperatorToken = TestTokens.Operator("OFC4", "1583250689");

    [Fact]
    public async Task File_and_property_together_name_every_category_held_for_either()
    {
        var reply = await _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = File, RenovationCode = Property }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10));

        Assert.True(reply.DossierExists);
        Assert.Equal([DocumentCategories.ArchitecturalPlan, DocumentCategories.IdentityDocument, DocumentCategories.OwnershipDeed], reply.Categories);
    }

    [Fact]
    public async Task File_alone_names_only_the_categories_filed_under_it()
    {
        var reply = await _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = File }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10));

        Assert.True(reply.DossierExists);
        Assert.Equal([DocumentCategories.IdentityDocument, DocumentCategories.OwnershipDeed], reply.Categories);
    }

    [Fact]
    public async Task Property_alone_has_no_dossier_but_its_categories()
    {
        var reply = await _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { RenovationCode = Property }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10));

        Assert.False(reply.DossierExists);
        Assert.Equal([DocumentCategories.ArchitecturalPlan, DocumentCategories.IdentityDocument, DocumentCategories.OwnershipDeed], reply.Categories);
    }

    [Fact]
    public async Task Property_typed_with_leading_zeros_and_Persian_digits_finds_the_same_categories()
    {
        var reply = await _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { RenovationCode = "۰۴-01-001-1-0-0-0" }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10));

        Assert.Equal([DocumentCategories.ArchitecturalPlan, DocumentCategories.IdentityDocument, DocumentCategories.OwnershipDeed], reply.Categories);
    }

    [Fact]
    public async Task Malformed_renovation_code_is_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { RenovationCode = "4-1-1" }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Unknown_file_has_no_dossier_and_no_categories()
    {
        var reply = await _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = "04000000003", RenovationCode = "4-1-1-3-0-0-0" }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10));

        Assert.False(reply.DossierExists);
        Assert.Empty(reply.Categories);
    }

    [Fact]
    public async Task Malformed_file_number_is_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = "99-12" }, Bearer(OperatorToken), DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_it_is_Unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = File }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task With_a_forged_token_it_is_Unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetDossierSummaryAsync(new GetDossierSummaryRequest { FileNumber = File }, Bearer(TestTokens.Forged([Roles.Admin])), DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
