using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Problems;
using CityEServices.UrbanPlanning;
using CityEServices.UrbanPlanning.Data;
using CityEServices.UrbanPlanning.Features.Documents;
using CityEServices.UrbanPlanning.Features.Files;
using CityEServices.UrbanPlanning.Features.Payments;
using CityEServices.UrbanPlanning.Features.Queues;
using CityEServices.UrbanPlanning.Features.Requests;
using CityEServices.UrbanPlanning.Features.Supervision;
using CityEServices.UrbanPlanning.Features.Tracking;
using CityEServices.UrbanPlanning.Features.Verification;
using CityEServices.Web.Access;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
// Integrator clients reach only the endpoints that name one of their scopes (RequireScope); 403 insufficient_scope otherwise.
app.UseScopeChecks();
app.MapDefaultEndpoints();
app.MapFilesApi();
app.MapRequestsApi();
app.MapSupervisionApi();
app.MapTrackingApi();
app.MapPaymentsApi();
app.MapDocumentsApi();
app.MapVerificationApi();
app.MapQueuesApi();

await app.MigrateDatabaseAsync<UrbanPlanningDbContext>();
app.Run();
