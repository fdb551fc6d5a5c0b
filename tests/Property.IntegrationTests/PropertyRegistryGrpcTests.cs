using System.Net;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Contracts.Security;
using CityEServices.Property.IntegrationTests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// VerifyOwner and GetProperty over the service's real gRPC pipeline (HTTP/2 through the TestServer),
/// answering from properties registered through the REST API, with the caller's bearer token as
/// urban planning forwards it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PropertyRegistryGrpcTests : ServiceTest<PropertyService>, IClassFixture<PropertyService>, IAsyncLifetime
{
    private const string Code = "14-2-33-5-0-0-0";
    private const string Owner = "0076229645";
    private const string CoOwner = "1583250689";

    private readonly GrpcChannel _channel;
    private readonly PropertyRegistry.PropertyRegistryClient _client;

    public PropertyRegistryGrpcTests(PropertyService service, ITestOutputHelper output)
        : base(service, output)
    {
        _channel = service.CreateGrpcChannel();
        _client = new PropertyRegistry.PropertyRegistryClient(_channel);
    }

    private static readonly string OperatorToken = TestTokens.Operator("OFC14", "1583250689");

    public async Task InitializeAsync()
    {
        // Once per class: the fixture's database is this class's alone.
        if (await Service.CountAsync("SELECT count(*) FROM properties WHERE renovation_code = @c", ("c", Code)) > 0)
        {
            return;
        }

        using var http = Service.CreateClient(TestTokens.Registrar());
        await (await http.RegisterAsync(Requests.Registration(Code, 14,
            Requests.Owner(Owner, "Maryam Ahmadi", 2.5m),
            Requests.Owner(CoOwner, "Reza Karimi", "7/2")))).AssertJsonAsync(HttpStatusCode.Created);
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

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(10);

    [Fact]
    public async Task VerifyOwner_answers_an_owner_with_the_exact_share()
    {
        var reply = await _client.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = Code, NationalId = Owner }, Bearer(OperatorToken), Deadline);

        Assert.True(reply.PropertyFound);
        Assert.True(reply.IsOwner);
        Assert.Equal("5/2", reply.ShareDang);
        Assert.Equal(14, reply.District);

        var coOwner = await _client.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = Code, NationalId = CoOwner }, Bearer(OperatorToken), Deadline);
        Assert.True(coOwner.IsOwner);
        Assert.Equal("7/2", coOwner.ShareDang);
    }

    [Fact]
    public async Task Answers_that_carry_owners_are_recorded_as_reads_of_personal_data_under_the_forwarded_actor()
    {
        const string Count = "SELECT count(*) FROM personal_data_reads WHERE kind = @kind AND renovation_code = @code AND actor LIKE 'user:%'";
        var properties = await Service.CountAsync(Count, ("kind", "Property"), ("code", Code));
        var checks = await Service.CountAsync(Count + " AND query = @who", ("kind", "OwnershipCheck"), ("code", Code), ("who", CoOwner));

        var property = await _client.GetPropertyAsync(new GetPropertyRequest { RenovationCode = Code }, Bearer(OperatorToken), Deadline);
        await _client.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = Code, NationalId = CoOwner }, Bearer(OperatorToken), Deadline);
        await _client.GetPropertyAsync(new GetPropertyRequest { RenovationCode = "99-9-9-9-0-0-0" }, Bearer(OperatorToken), Deadline);

        Assert.True(property.Found);
        Assert.Equal(properties + 1, await Service.CountAsync(Count, ("kind", "Property"), ("code", Code)));
        Assert.Equal(checks + 1, await Service.CountAsync(Count + " AND query = @who", ("kind", "OwnershipCheck"), ("code", Code), ("who", CoOwner)));
    }

    [Fact]
    public async Task VerifyOwner_reads_a_national_id_and_code_in_Persian_digits()
    {
        var reply = await _client.VerifyOwnerAsync(
            new VerifyOwnerRequest { RenovationCode = "۱۴-۰۲-۳۳-۵-۰-۰-۰", NationalId = NationalIds.ToPersianDigits(Owner) }, Bearer(OperatorToken), Deadline);

        Assert.True(reply.PropertyFound);
        Assert.True(reply.IsOwner);
        Assert.Equal("5/2", reply.ShareDang);
    }

    [Fact]
    public async Task VerifyOwner_answers_a_stranger_with_zero()
    {
        var reply = await _client.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = Code, NationalId = NationalIds.Next() }, Bearer(OperatorToken), Deadline);

        Assert.True(reply.PropertyFound);
        Assert.False(reply.IsOwner);
        Assert.Equal("0", reply.ShareDang);
        Assert.Equal(14, reply.District);
    }

    [Theory]
    [InlineData("14-2-33-6-0-0-0")]
    [InlineData("not-a-code")]
    public async Task VerifyOwner_says_not_found_for_an_unknown_or_malformed_code(string code)
    {
        var reply = await _client.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = code, NationalId = Owner }, Bearer(OperatorToken), Deadline);

        Assert.False(reply.PropertyFound);
        Assert.False(reply.IsOwner);
        Assert.Equal("0", reply.ShareDang);
    }

    [Fact]
    public async Task GetProperty_returns_the_property_with_its_owners_largest_share_first()
    {
        var reply = await _client.GetPropertyAsync(new GetPropertyRequest { RenovationCode = "14-02-033-5-0-0-0" }, Bearer(OperatorToken), Deadline);

        Assert.True(reply.Found);
        Assert.Equal(Code, reply.RenovationCode);
        Assert.Equal(14, reply.District);
        Assert.Equal("1315673811", reply.PostalCode);
        Assert.False(reply.LegalHold);
        Assert.Equal(
            [(CoOwner, "Reza Karimi", "7/2"), (Owner, "Maryam Ahmadi", "5/2")],
            reply.Owners.Select(o => (o.PartyId, o.FullName, o.ShareDang)));
    }

    [Fact]
    public async Task GetProperty_says_not_found_for_an_unknown_code()
    {
        var reply = await _client.GetPropertyAsync(new GetPropertyRequest { RenovationCode = "14-2-33-7-0-0-0" }, Bearer(OperatorToken), Deadline);

        Assert.False(reply.Found);
        Assert.Empty(reply.Owners);
    }

    [Fact]
    public async Task A_service_this_server_does_not_offer_is_Unimplemented()
    {
        // The archive's catalogue is not served here: the call must fail as gRPC says, not hang or 500.
        var archive = new CityEServices.Contracts.Grpc.Archive.ArchiveCatalog.ArchiveCatalogClient(_channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            archive.GetDossierSummaryAsync(new() { RenovationCode = Code }, Bearer(OperatorToken), Deadline).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_or_with_a_forged_one_it_is_Unauthenticated()
    {
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            _client.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = Code, NationalId = Owner }, deadline: Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var forged = await Assert.ThrowsAsync<RpcException>(() =>
            _client.GetPropertyAsync(new GetPropertyRequest { RenovationCode = Code }, Bearer(TestTokens.Forged([Roles.Admin])), Deadline).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, forged.StatusCode);
    }
}
