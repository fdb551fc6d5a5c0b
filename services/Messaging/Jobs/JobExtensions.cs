using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Messaging.Jobs;

public static class JobExtensions
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> once per period across every replica (the service's model must
    /// include <c>AddJobLeases()</c>). The job is also a singleton, so an endpoint or a test can run it
    /// now through <see cref="PeriodicJob{TDbContext}.RunIfDueAsync"/> after <see cref="JobLeases{TDbContext}.TriggerAsync"/>.
    /// </summary>
    public static IServiceCollection AddPeriodicJob<TJob, TDbContext>(this IServiceCollection services)
        where TJob : PeriodicJob<TDbContext>
        where TDbContext : DbContext
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobLeases<TDbContext>>();
        services.AddSingleton<TJob>();
        services.AddHostedService(provider => provider.GetRequiredService<TJob>());
        return services;
    }
}
