using CityEServices.Property.Features.Me;
using CityEServices.Web.Audit;
using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityService();
app.MapPropertiesApi();
app.MapAuditChainApi<PropertyDbContext>("/api/properties");
app.MapMeApi();
app.MapGrpcService<PropertyRegistryService>().RequireAuthorization();

await app.RunCityServiceAsync<PropertyDbContext>();
