using CityEServices.ServiceDefaults.Problems;

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
