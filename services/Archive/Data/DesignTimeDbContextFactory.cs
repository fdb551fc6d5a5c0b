using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.Archive.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without configuration or a running database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ArchiveDbContext>
{
    public ArchiveDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ArchiveDbContext>()
            .UseNpgsql("Host=localhost;Database=archive")
            .Options);
}
