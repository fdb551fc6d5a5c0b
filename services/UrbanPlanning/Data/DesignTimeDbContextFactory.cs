using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.UrbanPlanning.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without configuration or a running database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<UrbanPlanningDbContext>
{
    public UrbanPlanningDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UrbanPlanningDbContext>()
            .UseNpgsql("Host=localhost;Database=urbanplanning")
            .Options);
}
