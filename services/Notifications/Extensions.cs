namespace CityEServices.Notifications;

public static class Extensions
{
    public const string DatabaseName = "notifications-db";
    public const string ServiceName = "notifications";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceStore<NotificationsDbContext>(DatabaseName, ServiceName, bus => bus.AddEventConsumers(ServiceName));
        var services = builder.Services;
        services.AddCheckedOptions<NotificationsOptions>(NotificationsOptions.SectionName,
            o => !o.Problems().Any(),
            "Notifications: RetryFor and Timeout positive, 0 < MinRetryDelay <= MaxRetryDelay, limits at least 1, Retention longer than RetryFor.");
        services.AddCheckedOptions<SmsOptions>(SmsOptions.SectionName,
            o => !o.Problems().Any(),
            "Notifications:Sms: positive Timeout and PollInterval, ContactWait >= 0, MaxInFlight >= 1, BaseUrl absolute.");

        // New deliveries and messages wake their workers at commit.
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<SmsSignal>();
        // Wake the workers at the commit of the transaction (the inbox's) that wrote their work, not before.
        services.AddSingleton<CommitSignalInterceptor<WebhookDelivery, DeliverySignal>>();
        services.AddSingleton<CommitSignalInterceptor<SmsMessage, SmsSignal>>();
        services.ConfigureDbContext<NotificationsDbContext>((provider, options) => options.AddInterceptors(
            provider.GetRequiredService<CommitSignalInterceptor<WebhookDelivery, DeliverySignal>>(),
            provider.GetRequiredService<CommitSignalInterceptor<SmsMessage, SmsSignal>>()));
        services.AddScoped<DeliveryQueue>();
        services.AddScoped<SmsQueue>();

        services.TryAddSingleton<ISubscriberDns, SystemSubscriberDns>();
        services.AddSingleton<SubscriberNetwork>();
        services.AddSingleton<WebhookClient>();
        services.AddSingleton<SmsProviderAddress>();
        // The provider is outside the city: our own retries (the sender's backoff, with localid against
        // duplicates) replace the service-to-service resilience defaults. (Marked for evaluation, but the
        // documented way to take back ConfigureHttpClientDefaults' handler for one client.)
#pragma warning disable EXTEXP0001
        services.AddHttpClient<KavenegarSmsProvider>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.AddSingleton<WebhookDeliveryWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDeliveryWorker>());
        services.AddSingleton<SmsSender>();
        services.AddHostedService(provider => provider.GetRequiredService<SmsSender>());
        services.AddPeriodicJob<RetentionJob, NotificationsDbContext>();

        services.AddScoped<SubscriptionAccess>();
        services.AddUseCases(typeof(Extensions).Assembly);
        return builder;
    }
}
