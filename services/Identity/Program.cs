using CityEServices.Identity;
using CityEServices.Identity.Features.Users;
using CityEServices.Identity.Features.Clients;
using CityEServices.Identity.Features.Tokens;
using CityEServices.Identity.Features.SignIn;
using CityEServices.Identity.Data;
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
