using CityEServices.Messaging.Persistence;

namespace CityEServices.Identity.Data;

public sealed class DesignTimeDataContextFactory() : ServiceDesignTimeFactory<IdentityDataContext>("identity", options => new(options));
