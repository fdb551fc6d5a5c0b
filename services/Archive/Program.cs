await CityServiceHost.RunAsync<ArchiveDbContext>(args, builder => builder.AddApplicationServices(), app =>
{
    app.MapCategoriesApi();
    app.MapDossiersApi();
    app.MapDocumentsApi();
    app.MapHoldsApi();
    app.MapDisposalsApi();
    app.MapFixityApi();
    app.MapAuditChainApi<ArchiveDbContext>("/api/archive");
    app.MapGrpcService<ArchiveCatalogService>().RequireAuthorization();
});
