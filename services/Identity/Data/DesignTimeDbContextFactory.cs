namespace CityEServices.Identity.Data;

public sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<IdentityDbContext>("identity", options => new(options));
