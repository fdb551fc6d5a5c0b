using CityEServices.Identity;
using CityEServices.Identity.Api;
using CityEServices.Identity.SignIn;
using CityEServices.Identity.Startup;
using CityEServices.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseCityProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapLoginPage();
app.MapUsersApi();
app.MapClientsApi();

await app.MigrateIdentityDatabaseAsync();

app.Run();
