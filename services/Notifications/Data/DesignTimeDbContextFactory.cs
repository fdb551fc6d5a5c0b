namespace CityEServices.Notifications.Data;

public sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<NotificationsDbContext>("notifications", options => new(options));
