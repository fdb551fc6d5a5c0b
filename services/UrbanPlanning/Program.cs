using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Problems;
using CityEServices.UrbanPlanning;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Features.Files;
using CityEServices.UrbanPlanning.Features.Requests;
using CityEServices.UrbanPlanning.Features.Supervision;
using CityEServices.UrbanPlanning.Features.Tracking;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapFilesApi();
app.MapRequestsApi();
app.MapSupervisionApi();
app.MapTrackingApi();

await app.MigrateDatabaseAsync<UrbanPlanningDbContext>();
app.Run();
