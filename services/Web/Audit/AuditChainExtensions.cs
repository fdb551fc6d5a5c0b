using CityEServices.Contracts.Grpc.Archive;
using CityEServices.Web.Grpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Web.Audit;

public static class AuditChainExtensions
{
    /// <summary>
    /// A service's hash-chained tables (the default first): their heads published hourly for the archive to keep,
    /// and <c>MapAuditChainApi</c>'s verification compared with the archive's copy. The archive registers its own
    /// <see cref="IArchivedHeads"/> first (it reads its own table); every other service asks it over gRPC.
    /// </summary>
    public static IHostApplicationBuilder AddAuditChain<TDbContext>(this IHostApplicationBuilder builder, string service, string table, params string[] moreTables)
        where TDbContext : DbContext
    {
        builder.Services.AddSingleton(new AuditTrails(service, [table, .. moreTables]));
        builder.Services.AddOptions<AuditHeadOptions>().BindConfiguration(AuditHeadOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditHeadPublisher<TDbContext>>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<AuditHeadPublisher<TDbContext>>());
        if (!builder.Services.Any(d => d.ServiceType == typeof(IArchivedHeads)))
        {
            builder.AddServiceClient<ArchiveCatalog.ArchiveCatalogClient>("archive");
            builder.Services.AddScoped<IArchivedHeads, ArchiveChainHeads>();
        }

        return builder;
    }
}
