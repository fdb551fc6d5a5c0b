namespace CityEServices.OfficeManagement.Data;

public sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<OfficeManagementDbContext>("officemanagement", options => new(options));
