using CityEServices.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Identity.Tests;

public class ModelTests
{
    /// <summary>
    /// A refactoring of the entities or their mapping (such as naming by the snake_case convention
    /// instead of by hand) must leave the schema as the migrations made it; a real change comes with a migration.
    /// </summary>
    [Fact]
    public void The_model_is_what_the_migrations_built()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }
}
