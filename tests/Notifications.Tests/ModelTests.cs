using CityEServices.Notifications.Data;
using CityEServices.Tests.Shared;

namespace CityEServices.Notifications.Tests;

public sealed class ModelTests : ModelMatchesMigrations<DesignTimeDbContextFactory, NotificationsDbContext>;
