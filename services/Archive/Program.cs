using CityEServices.Archive;
using CityEServices.Archive.Api;
using CityEServices.Archive.Data;
using CityEServices.Archive.Grpc;
using CityEServices.Messaging.Persistence;
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
app.MapArchiveApi();
app.MapGrpcService<ArchiveCatalogService>().RequireAuthorization();

await app.MigrateDatabaseAsync<ArchiveDbContext>();
app.Run();
