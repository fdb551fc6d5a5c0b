using CityEServices.Identity.Data;
using CityEServices.Tests.Shared;

namespace CityEServices.Identity.Tests;

public sealed class ModelTests : ModelMatchesMigrations<DesignTimeDbContextFactory, IdentityDbContext>;
