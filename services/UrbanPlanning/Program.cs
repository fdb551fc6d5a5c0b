await CityServiceHost.RunAsync<UrbanPlanningDbContext>(args, builder => builder.AddApplicationServices(), app =>
{
    app.MapFilesApi();
    app.MapRequestsApi();
    app.MapSupervisionApi();
    app.MapTrackingApi();
    app.MapMeApi();
    app.MapPaymentsApi();
    app.MapDocumentsApi();
    app.MapVerificationApi();
    app.MapQueuesApi();
    app.MapAuditChainApi<UrbanPlanningDbContext>("/api/urban-planning");
});
