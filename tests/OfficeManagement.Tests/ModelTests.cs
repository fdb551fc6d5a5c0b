using CityEServices.OfficeManagement.Data;
using CityEServices.Tests.Shared;

namespace CityEServices.OfficeManagement.Tests;

public sealed class ModelTests : ModelMatchesMigrations<DesignTimeDbContextFactory, OfficeManagementDbContext>;
