using CityEServices.UrbanPlanning.Data;
using CityEServices.Tests.Shared;

namespace CityEServices.UrbanPlanning.Tests;

public sealed class ModelTests : ModelMatchesMigrations<DesignTimeDbContextFactory, UrbanPlanningDbContext>;
