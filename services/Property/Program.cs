await CityServiceHost.RunAsync<PropertyDbContext>(args, builder => builder.AddApplicationServices(), app =>
{
    app.MapPropertiesApi();
    app.MapAuditChainApi<PropertyDbContext>("/api/properties");
    app.MapMeApi();
    app.MapGrpcService<PropertyRegistryService>().RequireAuthorization();
});
