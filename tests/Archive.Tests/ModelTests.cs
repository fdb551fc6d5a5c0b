using CityEServices.Archive.Data;
using CityEServices.Tests.Shared;

namespace CityEServices.Archive.Tests;

public sealed class ModelTests : ModelMatchesMigrations<DesignTimeDbContextFactory, ArchiveDbContext>;
