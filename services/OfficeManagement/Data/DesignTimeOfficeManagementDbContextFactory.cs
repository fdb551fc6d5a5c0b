using CityEServices.Messaging.Persistence;

namespace CityEServices.OfficeManagement.Data;

public sealed class DesignTimeOfficeManagementDbContextFactory() : ServiceDesignTimeFactory<OfficeManagementDbContext>("officemanagement", options => new(options));
