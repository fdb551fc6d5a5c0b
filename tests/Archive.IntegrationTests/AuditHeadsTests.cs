using System.Net;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Contracts.Events;
using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Contracts.Security;
using Grpc.Core;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// The archive keeps every service's audit chain heads (AuditHeadPublished, through the real broker): once however
/// often a head arrives, answers the newest per trail over gRPC to admins only, and compares its own trails with them.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class AuditHeadsTests(ArchiveServiceWithOwnHeads service, ITestOutputHelper output)
    : ServiceTest<ArchiveServiceWithOwnHeads>(service, output), IClassFixture<ArchiveServiceWithOwnHeads>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Heads_are_kept_once_and_the_newest_per_trail_is_answered_to_admins()
    {
        var service = $"svc{Guid.NewGuid():N}"[..12];
        var first = new AuditHeadPublished(service, "transitions", 7, new string('a', 64)) { OccurredAt = Service.Time.GetUtcNow() };
        var newer = new AuditHeadPublished(service, "transitions", 9, new string('b', 64)) { OccurredAt = Service.Time.GetUtcNow() };
        var other = new AuditHeadPublished(service, "reads", 3, new string('c', 64)) { OccurredAt = Service.Time.GetUtcNow() };
        // The same head from a second replica (another event id), and a redelivery of the first.
        var fromOtherReplica = first with { EventId = Guid.CreateVersion7() };
        foreach (var e in new[] { first, first, fromOtherReplica, newer, other })
        {
            await Service.PublishAsync(e);
        }

        await Eventually.UntilAsync(async () => await CountAsync(service) == 3, Patience, "three distinct heads kept");
        Assert.Equal(1, await Service.CountAsync("SELECT count(*) FROM audit_heads WHERE service = @s AND sequence = 7", ("s", service)));

        using var channel = Service.CreateGrpcChannel();
        var client = new ArchiveCatalog.ArchiveCatalogClient(channel);
        var reply = await client.GetChainHeadsAsync(new GetChainHeadsRequest { Service = service }, Bearer(TestTokens.Admin()));
        var heads = reply.Heads.OrderBy(h => h.Trail, StringComparer.Ordinal).ToList();
        Assert.Equal(["reads", "transitions"], heads.Select(h => h.Trail));
        Assert.Equal(9, heads[1].Sequence);
        Assert.Equal(newer.Hash, heads[1].Hash);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetChainHeadsAsync(new GetChainHeadsRequest { Service = service }, Bearer(TestTokens.Create([Roles.Archivist]))));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task The_archive_compares_its_own_trail_with_the_heads_it_kept()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        // The archive's own head of audit_heads, kept as the archive keeps any: the first head it hears of itself.
        await Service.PublishAsync(new AuditHeadPublished("warmup", "t", 1, new string('d', 64)) { OccurredAt = Service.Time.GetUtcNow() });
        await Eventually.UntilAsync(async () => await Service.CountAsync("SELECT count(*) FROM audit_heads WHERE service = 'warmup'") == 1, Patience, "a head kept");
        var head = await (await admin.GetAsync("/api/archive/audit/verify?trail=audit_heads")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("not_archived", head.GetProperty("headCheck").GetString());

        var sequence = head.GetProperty("headSequence").GetInt64();
        await Service.PublishAsync(new AuditHeadPublished(Extensions.ServiceName, "audit_heads", sequence, head.GetProperty("headHash").GetString()!) { OccurredAt = Service.Time.GetUtcNow() });
        await Eventually.UntilAsync(async () =>
        {
            var report = await (await admin.GetAsync("/api/archive/audit/verify?trail=audit_heads")).AssertJsonAsync(HttpStatusCode.OK);
            return report.GetProperty("headCheck").GetString() == "matches" && report.GetProperty("intact").GetBoolean();
        }, Patience, "its own trail matches the head it kept");
    }

    private Task<long> CountAsync(string service) => Service.CountAsync("SELECT count(*) FROM audit_heads WHERE service = @s", ("s", service));

    private static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };
}
