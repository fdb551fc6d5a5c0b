using CityEServices.Identity;
using CityEServices.Identity.Data;
using CityEServices.Identity.Features.Clients;
using CityEServices.Identity.Features.Revocations;
using CityEServices.Identity.Features.SignIn;
using CityEServices.Identity.Features.Tokens;
using CityEServices.Identity.Features.Users;
using CityEServices.Identity.Infrastructure.Tokens;
using CityEServices.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseCityProblemDetails();
app.UseAuthentication();
app.UseRevokedTokenRefusal();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapLoginPage();
app.MapUsersApi();
app.MapClientsApi();
app.MapRevocationsApi();

await app.MigrateIdentityDatabaseAsync();

app.Run();
