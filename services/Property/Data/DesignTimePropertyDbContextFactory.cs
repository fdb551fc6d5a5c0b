using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.Property.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without configuration or a running database.</summary>
public sealed class DesignTimePropertyDbContextFactory : IDesignTimeDbContextFactory<PropertyDbContext>
{
    public PropertyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PropertyDbContext>()
            .UseNpgsql("Host=localhost;Database=property")
            .Options);
}
