using Microsoft.EntityFrameworkCore;

namespace CityEServices.Property.Data.SampleData;

/// <summary>
/// Puts <see cref="SampleProperties"/> into an empty-of-samples registry, in the background after
/// start-up (the service answers meanwhile), once: a database that has any sample property is left as
/// it is. Registered only in Development and unless <c>SampleData:Enabled</c> is false. The sample
/// publishes no events: it is the registry's own furniture, not news for other services.
/// </summary>
public sealed partial class SampleDataSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<SampleDataSeeder> logger) : BackgroundService
{
    public const int DefaultCount = 300;

    public static bool IsEnabled(IHostApplicationBuilder builder) =>
        builder.Environment.IsDevelopment() && builder.Configuration.GetValue("SampleData:Enabled", true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PropertyDbContext>();
            if (await db.Properties.AnyAsync(p => p.RegisteredBy == SampleProperties.Actor, stoppingToken))
            {
                return;
            }

            var properties = SampleProperties.Generate(configuration.GetValue("SampleData:Count", DefaultCount), time.GetUtcNow());
            var existing = await db.Properties.Select(p => p.RenovationCode).ToListAsync(stoppingToken);
            var taken = existing.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var added = properties.Where(p => !taken.Contains(p.RenovationCode.Value)).ToList();
            db.Properties.AddRange(added);
            await db.SaveChangesAsync(stoppingToken);
            LogSeeded(logger, added.Count);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            // Another replica seeding at the same moment, or a database not reachable yet: the sample is a convenience.
            LogSeedFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Development sample data: {Count} properties registered")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Development sample data was not written")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}
