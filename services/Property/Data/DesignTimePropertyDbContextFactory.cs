using CityEServices.Messaging.Persistence;

namespace CityEServices.Property.Data;

public sealed class DesignTimePropertyDbContextFactory() : ServiceDesignTimeFactory<PropertyDbContext>("property", options => new(options));
