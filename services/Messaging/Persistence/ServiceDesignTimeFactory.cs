using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.Messaging.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without configuration or a running
/// database: each service derives one (EF finds it in the service's assembly) naming its database.
/// </summary>
public abstract class ServiceDesignTimeFactory<TDbContext>(string database, Func<DbContextOptions<TDbContext>, TDbContext> create)
    : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql($"Host=localhost;Database={database}")
            .Options);
}
