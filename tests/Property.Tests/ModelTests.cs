using CityEServices.Property.Data;
using CityEServices.Tests.Shared;

namespace CityEServices.Property.Tests;

public sealed class ModelTests : ModelMatchesMigrations<DesignTimeDbContextFactory, PropertyDbContext>;
