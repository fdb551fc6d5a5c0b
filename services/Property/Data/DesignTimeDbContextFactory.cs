namespace CityEServices.Property.Data;

public sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<PropertyDbContext>("property", options => new(options));
