await CityServiceHost.RunAsync<OfficeManagementDbContext>(args, builder => builder.AddApplicationServices(), app =>
{
    app.MapOfficesApi();
    app.MapStaffApi();
    app.MapServiceTypesApi();
    app.MapScorecardsApi();
    app.MapOpenDataApi();
    app.MapAuthorizationApi();
    app.MapAuditChainApi<OfficeManagementDbContext>("/api/offices");
    app.MapGrpcService<OfficeAuthorizationService>().RequireAuthorization();
});
