using CityEServices.Web.Audit;
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
app.MapAuditChainApi<ArchiveDbContext>("/api/archive");
app.MapGrpcService<ArchiveCatalogService>().RequireAuthorization();

await app.RunCityServiceAsync<ArchiveDbContext>();
