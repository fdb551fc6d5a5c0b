using CityEServices.Web.Audit;
using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityService();
app.MapOfficesApi();
app.MapStaffApi();
app.MapServiceTypesApi();
app.MapScorecardsApi();
app.MapOpenDataApi();
app.MapAuthorizationApi();
app.MapAuditChainApi<OfficeManagementDbContext>("/api/offices");
app.MapGrpcService<OfficeAuthorizationService>().RequireAuthorization();

await app.RunCityServiceAsync<OfficeManagementDbContext>();
