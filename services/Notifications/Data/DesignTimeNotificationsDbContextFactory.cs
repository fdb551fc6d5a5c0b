using CityEServices.Messaging.Persistence;

namespace CityEServices.Notifications.Data;

public sealed class DesignTimeNotificationsDbContextFactory() : ServiceDesignTimeFactory<NotificationsDbContext>("notifications", options => new(options));
