using CityEServices.Archive;
using CityEServices.Archive.Features.Categories;
using CityEServices.Archive.Features.Disposals;
using CityEServices.Archive.Features.Documents;
using CityEServices.Archive.Features.Dossiers;
using CityEServices.Archive.Features.Fixity;
using CityEServices.Archive.Features.Holds;
using CityEServices.Archive.Grpc;
using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityService();
app.MapCategoriesApi();
app.MapDossiersApi();
app.MapDocumentsApi();
app.MapHoldsApi();
app.MapDisposalsApi();
app.MapFixityApi();
app.MapGrpcService<ArchiveCatalogService>().RequireAuthorization();

await app.RunCityServiceAsync<ArchiveDbContext>();
