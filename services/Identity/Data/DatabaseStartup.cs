namespace CityEServices.Identity.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Migrates the identity database the way every service does (<see cref="DatabaseMigrationExtensions"/>):
    /// before the host starts, so the initializer's keys and seeding find the schema in place;
    /// <c>Database:MigrateOnly=true</c> ends the process after it (the Kubernetes init container), and
    /// <c>Database:MigrateOnStartup=false</c> leaves the schema to that separate run.
    /// </summary>
    public static Task MigrateIdentityDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<IdentitySettings>>().Value;
        return app.MigrateDatabaseAsync<Data.IdentityDbContext>(settings.DatabaseStartupTimeout);
    }
}
