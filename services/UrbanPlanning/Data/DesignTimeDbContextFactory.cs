namespace CityEServices.UrbanPlanning.Data;

public sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<UrbanPlanningDbContext>("urbanplanning", options => new(options));
