using CityEServices.Contracts.Events;
using CityEServices.Web.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>
/// The service, with DocumentArchived published as the archive's relay would (the archive's upload
/// endpoint is another service's work), and its clock pinned: which rules (fees, SLAs) a request is
/// judged by depends on the day it is made, so these tests choose the day instead of reading today's.
/// </summary>
public sealed class WorkflowService(ServerFixture servers) : UrbanPlanningService(servers)
{
    /// <summary>1405/02/11 10:00 Tehran time: the 1405 tariff is in force.</summary>
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 6, 30, 0, TimeSpan.Zero);

    /// <summary>The service's date; it moves only when a test advances it.</summary>
    public PinnedClock Clock { get; } = new(Start);

    /// <summary>The archive announcing a stored document, as its relay would.</summary>
    public Task ArchiveAsync(string category, string? fileNumber, string? renovationCode, Guid? documentId = null) =>
        PublishAsync(new DocumentArchived(documentId ?? Guid.NewGuid(), category, renovationCode, fileNumber, new string('a', 64), 1024, 1) { OccurredAt = Time.GetUtcNow() });

    public Task<IReadOnlyList<OutboxRow>> OutboxRowsAsync(string messageTypeSuffix, string fileNumber) =>
        OutboxRowsWhereAsync("message_type LIKE @t AND payload->>'fileNumber' = @f", ("t", $"%{messageTypeSuffix}"), ("f", fileNumber));

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        // A gRPC deadline is an instant the gRPC client compares with the real clock: taken from the
        // pinned one it would already have passed, and every call to another service would time out.
        services.Replace(ServiceDescriptor.Singleton(provider =>
            new DefaultDeadlineInterceptor(provider.GetRequiredService<IOptions<GrpcClientSettings>>(), TimeProvider.System)));
    }
}
