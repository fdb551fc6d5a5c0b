using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.Tests.Shared;

/// <summary>
/// A refactoring of a service's entities or their mapping (a shared column set, naming by the snake_case
/// convention instead of by hand) must leave the schema as the migrations made it; a real change comes
/// with a migration. Each service's unit tests derive one, naming its design-time factory.
/// </summary>
public abstract class ModelMatchesMigrations<TFactory, TDbContext>
    where TFactory : IDesignTimeDbContextFactory<TDbContext>, new()
    where TDbContext : DbContext
{
    [Fact]
    public void The_model_is_what_the_migrations_built()
    {
        using var db = new TFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
