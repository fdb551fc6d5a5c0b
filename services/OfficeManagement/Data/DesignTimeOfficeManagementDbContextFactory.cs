using Microsoft.EntityFrameworkCore.Design;

namespace CityEServices.OfficeManagement.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without configuration or a running database.</summary>
public sealed class DesignTimeOfficeManagementDbContextFactory : IDesignTimeDbContextFactory<OfficeManagementDbContext>
{
    public OfficeManagementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OfficeManagementDbContext>()
            .UseNpgsql("Host=localhost;Database=officemanagement")
            .Options);
}
