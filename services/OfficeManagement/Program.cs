using CityEServices.Messaging.Persistence;
using CityEServices.OfficeManagement;
using CityEServices.OfficeManagement.Data;
using CityEServices.OfficeManagement.Features.Authorization;
using CityEServices.OfficeManagement.Features.Offices;
using CityEServices.OfficeManagement.Features.Scorecards;
using CityEServices.OfficeManagement.Features.ServiceTypes;
using CityEServices.OfficeManagement.Features.Staff;
using CityEServices.OfficeManagement.Grpc;
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
// Integrator clients reach only the service-type catalogue; everything else here is for staff.
app.UseScopeChecks();

app.MapDefaultEndpoints();
app.MapOfficesApi();
app.MapStaffApi();
app.MapServiceTypesApi();
app.MapScorecardsApi();
app.MapAuthorizationApi();
app.MapGrpcService<OfficeAuthorizationService>().RequireAuthorization();

await app.MigrateDatabaseAsync<OfficeManagementDbContext>();

app.Run();
