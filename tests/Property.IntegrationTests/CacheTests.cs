using System.Net;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Property.IntegrationTests.Infrastructure;
using Grpc.Core;
using StackExchange.Redis;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// Reads by renovation code go through HybridCache with the real Redis as its second level, and every
/// write drops the entry: on the replica that wrote at once, on another replica (which had the
/// property in its own memory) through the invalidation channel.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class CacheTests : IClassFixture<CacheTests.Replicas>, IDisposable
{
    private static int _parcel;
    private readonly Replicas _replicas;

    public CacheTests(Replicas replicas, ITestOutputHelper output)
    {
        _replicas = replicas;
        replicas.A.Log.Current = output;
        replicas.B.Log.Current = output;
    }

    public void Dispose()
    {
        _replicas.A.Log.Current = null;
        _replicas.B.Log.Current = null;
    }

    /// <summary>Two replicas of the service over one database and one Redis namespace.</summary>
    public sealed class Replicas(ServerFixture servers) : IAsyncLifetime
    {
        public PropertyService A { get; } = new(servers);

        public PropertyReplica B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await A.InitializeAsync();
            B = new PropertyReplica(servers, A);
            await B.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    private async Task<(string Code, string Four, string Two)> RegisterAsync(HttpClient registrar)
    {
        var code = $"11-2-3-{Interlocked.Increment(ref _parcel)}-0-0-0";
        var four = NationalIds.Next();
        var two = NationalIds.Next();
        await (await registrar.RegisterAsync(Requests.Registration(code, 11, Requests.Owner(four, "مریم احمدی", 4), Requests.Owner(two, "رضا کریمی", 2))))
            .AssertJsonAsync(HttpStatusCode.Created);
        return (code, four, two);
    }

    private static async Task<Dictionary<string, string>> SharesAsync(HttpClient client, string code) =>
        TransferRequests.Shares(await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK));

    [Fact]
    public async Task Reads_are_served_from_the_cache_until_a_write_through_the_API_drops_it()
    {
        using var client = _replicas.A.CreateClient(TestTokens.Registrar());
        var (code, four, two) = await RegisterAsync(client);
        await SharesAsync(client, code);

        // Redis holds the entry under this service's Redis:KeyPrefix, and nothing about it outside that
        // prefix (the production Redis user may touch only property:*).
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(_replicas.A.Servers.Redis.ConnectionString))
        {
            Assert.True(await redis.GetDatabase().KeyExistsAsync($"{_replicas.A.RedisKeyPrefix}v1:{code}"));
            var keys = new List<string>();
            await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: $"*{code}*"))
            {
                keys.Add(key.ToString());
            }

            Assert.All(keys, key => Assert.StartsWith(_replicas.A.RedisKeyPrefix, key, StringComparison.Ordinal));
        }

        // Changed behind the service's back: the cached answer stands; no-cache reads the database.
        await _replicas.A.ExecuteAsync("UPDATE properties SET address = 'پشت پرده' WHERE renovation_code = @c", ("c", code));
        var cached = await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual("پشت پرده", cached.GetProperty("address").GetString());
        using (var request = new HttpRequestMessage(HttpMethod.Get, Requests.PropertyPath(code)))
        {
            request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
            var fresh = await (await client.SendAsync(request)).AssertJsonAsync(HttpStatusCode.OK);
            Assert.Equal("پشت پرده", fresh.GetProperty("address").GetString());
        }

        // Every write drops it: the next read is the new state, never the cached one.
        await (await client.TransferAsync(code, TransferRequests.Transfer(four, two, 1))).AssertJsonAsync(HttpStatusCode.Created);
        var afterTransfer = await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(new Dictionary<string, string> { [four] = "3", [two] = "3" }, TransferRequests.Shares(afterTransfer));
        Assert.Equal("پشت پرده", afterTransfer.GetProperty("address").GetString());

        await (await client.PlaceHoldAsync(code)).AssertJsonAsync(HttpStatusCode.OK);
        var held = await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(held.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
        await (await client.ClearHoldAsync(code)).AssertJsonAsync(HttpStatusCode.OK);
        var cleared = await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(cleared.GetProperty("restrictions").GetProperty("legalHold").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_code_is_cached_as_missing_until_it_is_registered()
    {
        using var client = _replicas.A.CreateClient(TestTokens.Registrar());
        var code = $"11-2-4-{Interlocked.Increment(ref _parcel)}-0-0-0";

        await (await client.GetAsync(Requests.PropertyPath(code))).AssertProblemAsync(HttpStatusCode.NotFound);
        using (var onB = _replicas.B.CreateClient(TestTokens.Registrar()))
        {
            await (await onB.GetAsync(Requests.PropertyPath(code))).AssertProblemAsync(HttpStatusCode.NotFound);
        }

        await (await client.RegisterAsync(Requests.Registration(code, 11, Requests.Owner(NationalIds.Next(), "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);

        await (await client.GetAsync(Requests.PropertyPath(code))).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_write_on_one_replica_reaches_another_replica_that_had_the_property_in_memory()
    {
        using var onA = _replicas.A.CreateClient(TestTokens.Registrar());
        using var onB = _replicas.B.CreateClient(TestTokens.Registrar());
        var (code, four, two) = await RegisterAsync(onA);
        Assert.Equal(new Dictionary<string, string> { [four] = "4", [two] = "2" }, await SharesAsync(onB, code));

        await (await onA.TransferAsync(code, TransferRequests.Transfer(four, two, "1/2"))).AssertJsonAsync(HttpStatusCode.Created);

        // The writer's own next read is fresh at once; the other replica's memory is dropped by the
        // channel message, which arrives a moment after the write's response.
        var expected = new Dictionary<string, string> { [four] = "7/2", [two] = "5/2" };
        Assert.Equal(expected, await SharesAsync(onA, code));
        await Eventually.UntilAsync(async () => (await SharesAsync(onB, code)).SequenceEqual(expected), TimeSpan.FromSeconds(3), "replica B to see the transfer made on A");

        // gRPC answers from the same cache, and sees the change too.
        using var channel = _replicas.B.CreateGrpcChannel();
        var grpc = new PropertyRegistry.PropertyRegistryClient(channel);
        var reply = await grpc.VerifyOwnerAsync(
            new VerifyOwnerRequest { RenovationCode = code, NationalId = two },
            new Metadata { { "Authorization", $"Bearer {TestTokens.Operator("OFC11", "1583250689")}" } });
        Assert.Equal((true, "5/2"), (reply.IsOwner, reply.ShareDang));
    }
}
