await CityServiceHost.RunAsync<NotificationsDbContext>(args, builder => builder.AddApplicationServices(), app =>
{
    app.MapSubscriptionsApi();
    app.MapSmsApi();
    if (app.Environment.IsDevelopment())
    {
        app.MapSmsSinkApi();
    }
});
