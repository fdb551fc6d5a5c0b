using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Problems;
using CityEServices.UrbanPlanning;
using CityEServices.UrbanPlanning.Api;
using CityEServices.UrbanPlanning.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapUrbanPlanningApi();

await app.MigrateDatabaseAsync<UrbanPlanningDbContext>();
app.Run();
