using CityEServices.Property.Features.Me;
using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityService();
app.MapPropertiesApi();
app.MapAuditApi();
app.MapMeApi();
app.MapGrpcService<PropertyRegistryService>().RequireAuthorization();

await app.RunCityServiceAsync<PropertyDbContext>();
