using CityEServices.Archive;
using CityEServices.Archive.Data;
using CityEServices.Archive.Features.Categories;
using CityEServices.Archive.Features.Disposals;
using CityEServices.Archive.Features.Documents;
using CityEServices.Archive.Features.Dossiers;
using CityEServices.Archive.Features.Fixity;
using CityEServices.Archive.Features.Holds;
using CityEServices.Archive.Grpc;
using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Problems;
using CityEServices.Web.Access;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();

app.UseCityProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
// Integrator clients reach only the endpoints that name one of their scopes (.RequireScope).
app.UseScopeChecks();

app.MapDefaultEndpoints();
app.MapCategoriesApi();
app.MapDossiersApi();
app.MapDocumentsApi();
app.MapHoldsApi();
app.MapDisposalsApi();
app.MapFixityApi();
app.MapGrpcService<ArchiveCatalogService>().RequireAuthorization();

await app.MigrateDatabaseAsync<ArchiveDbContext>();

app.Run();
