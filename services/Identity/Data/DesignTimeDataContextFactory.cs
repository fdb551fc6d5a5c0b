using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.Identity.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without configuration or a running database.</summary>
public sealed class DesignTimeDataContextFactory : IDesignTimeDbContextFactory<IdentityDataContext>
{
    public IdentityDataContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDataContext>()
            .UseNpgsql("Host=localhost;Database=identity")
            .Options);
}
