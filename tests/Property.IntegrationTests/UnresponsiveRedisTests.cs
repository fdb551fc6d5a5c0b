using System.Net;
using System.Net.Sockets;
using CityEServices.Property.IntegrationTests.Infrastructure;

namespace CityEServices.Property.IntegrationTests;

/// <summary>
/// A Redis that accepts connections and never answers (a hung or overloaded server) times every
/// cache command out. The service must still start, and registering and reading must still work
/// from the database: the cache is a speed-up, never a dependency.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class UnresponsiveRedisTests : ServiceTest<UnresponsiveRedisTests.ServiceWithSilentRedis>, IClassFixture<UnresponsiveRedisTests.ServiceWithSilentRedis>
{

    public UnresponsiveRedisTests(ServiceWithSilentRedis service, ITestOutputHelper output)
        : base(service, output)
    {
    }


    /// <summary>The property service whose Redis is a socket that swallows every command.</summary>
    public sealed class ServiceWithSilentRedis(ServerFixture servers) : PropertyService(servers)
    {
        private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
        private readonly List<Socket> _accepted = [];

        public override async Task InitializeAsync()
        {
            _silent.Start();
            _ = AcceptForeverAsync();
            await base.InitializeAsync();
        }

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["ConnectionStrings:redis"] = $"127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}";
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            _silent.Stop();
            lock (_accepted)
            {
                _accepted.ForEach(socket => socket.Dispose());
            }
        }

        private async Task AcceptForeverAsync()
        {
            try
            {
                while (true)
                {
                    var socket = await _silent.AcceptSocketAsync();
                    lock (_accepted)
                    {
                        _accepted.Add(socket);
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Stopped with the fixture.
            }
        }
    }

    [Fact]
    public async Task The_service_starts_registers_and_reads_from_the_database()
    {
        using var registrar = Service.CreateClient(TestTokens.Registrar());
        const string Code = "14-3-3-1-0-0-0";
        var owner = NationalIds.Next();

        await (await registrar.RegisterAsync(Requests.Registration(Code, 14, Requests.Owner(owner, "مریم احمدی", 6)))).AssertJsonAsync(HttpStatusCode.Created);
        var read = await (await registrar.GetAsync(Requests.PropertyPath(Code))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(owner, read.GetProperty("owners")[0].GetProperty("partyId").GetString());

        // Unknown codes are answered too (a 404, not a 5xx for the cache's sake).
        await (await registrar.GetAsync(Requests.PropertyPath("14-3-3-2-0-0-0"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
