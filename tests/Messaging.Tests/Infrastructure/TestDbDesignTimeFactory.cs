using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.Messaging.Tests.Infrastructure;

/// <summary>
/// Lets `dotnet ef migrations add` build TestDb without a database, as each service's factory does:
/// the tests then create their databases through MigrateDatabaseAsync, the way services start.
/// </summary>
public sealed class TestDbDesignTimeFactory : IDesignTimeDbContextFactory<TestDb>
{
    public TestDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TestDb>().UseNpgsql("Host=localhost;Database=messaging_design").Options);
}
