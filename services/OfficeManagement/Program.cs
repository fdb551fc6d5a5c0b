using CityEServices.OfficeManagement;
using CityEServices.OfficeManagement.Features.Authorization;
using CityEServices.OfficeManagement.Features.Offices;
using CityEServices.OfficeManagement.Features.Scorecards;
using CityEServices.OfficeManagement.Features.ServiceTypes;
using CityEServices.OfficeManagement.Features.Staff;
using CityEServices.OfficeManagement.Grpc;
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
app.MapAuthorizationApi();
app.MapGrpcService<OfficeAuthorizationService>().RequireAuthorization();

await app.RunCityServiceAsync<OfficeManagementDbContext>();
