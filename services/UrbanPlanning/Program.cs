using CityEServices.Web.Audit;
using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityService();
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

await app.RunCityServiceAsync<UrbanPlanningDbContext>();
