using CityEServices.Messaging.Persistence;
using CityEServices.Property;
using CityEServices.Property.Data;
using CityEServices.Property.Features.Properties;
using CityEServices.Property.Grpc;
using CityEServices.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();

app.UseCityProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapPropertiesApi();
app.MapGrpcService<PropertyRegistryService>().RequireAuthorization();

await app.MigrateDatabaseAsync<PropertyDbContext>();

app.Run();
