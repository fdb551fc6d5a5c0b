using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
// Problem details, authentication, authorisation, then the integrator scope checks (app.UseScopeChecks():
// a client reaches only endpoints that name one of its scopes, else 403 insufficient_scope).
app.UseCityService();
app.MapPropertiesApi();
app.MapGrpcService<PropertyRegistryService>().RequireAuthorization();

await app.RunCityServiceAsync<PropertyDbContext>();
