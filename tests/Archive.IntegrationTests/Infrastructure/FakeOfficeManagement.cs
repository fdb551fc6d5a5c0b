using System.Collections.Concurrent;
using System.Net;
using CityEServices.Contracts.Grpc.OfficeManagement;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Archive.IntegrationTests.Infrastructure;

/// <summary>
/// What office management answers AuthorizeService: every operator authorised unless a refusal is set
/// for their office or for them, each refusal with office management's own reason.
/// </summary>
public sealed class FakeOffices
{
    private readonly ConcurrentDictionary<string, AuthorizeServiceReply> _offices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, AuthorizeServiceReply> _people = new(StringComparer.Ordinal);

    public ConcurrentQueue<AuthorizeServiceRequest> Calls { get; } = new();

    public void RefuseOffice(string officeCode, string reason) =>
        _offices[officeCode] = new AuthorizeServiceReply { Allowed = false, Reason = reason, Detail = $"Office {officeCode}: {reason}." };

    public void RefusePerson(string nationalId, string reason) =>
        _people[nationalId] = new AuthorizeServiceReply { Allowed = false, Reason = reason, Detail = $"Operator {nationalId}: {reason}." };

    public IEnumerable<AuthorizeServiceRequest> CallsFor(string officeCode) =>
        Calls.Where(r => string.Equals(r.OfficeCode, officeCode, StringComparison.OrdinalIgnoreCase));

    internal AuthorizeServiceReply Answer(AuthorizeServiceRequest request)
    {
        Calls.Enqueue(request);
        return _offices.TryGetValue(request.OfficeCode, out var office) ? office
            : _people.TryGetValue(request.OperatorNationalId, out var person) ? person
            : new AuthorizeServiceReply { Allowed = true };
    }
}

public sealed class FakeOfficeAuthorizationService(FakeOffices offices) : OfficeAuthorization.OfficeAuthorizationBase
{
    public override Task<AuthorizeServiceReply> AuthorizeService(AuthorizeServiceRequest request, ServerCallContext context) =>
        Task.FromResult(offices.Answer(request));
}

/// <summary>Office management's gRPC endpoint as the archive sees it: Kestrel on a loopback port speaking plain-text HTTP/2.</summary>
public sealed class FakeOfficeManagement : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = FreePort.Next();

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public FakeOffices Offices { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(Offices);
        var app = builder.Build();
        app.MapGrpcService<FakeOfficeAuthorizationService>();
        await app.StartAsync();
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
