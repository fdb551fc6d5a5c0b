using CityEServices.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseCityProblemDetails();
app.UseAuthentication();
app.UseRevokedTokenRefusal();
// No identity API names a scope: an integrator client is refused every /api/identity call with the
// same 403 insufficient_scope every service gives, before the admin role check would refuse it less
// precisely. /connect/* and /internal/* are not /api, so tokens and the revocation list stay open to it.
app.UseScopeChecks();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapTokenEndpoint();
app.MapAuthorizeEndpoint();
app.MapLoginPage();
app.MapUsersApi();
app.MapClientsApi();
app.MapRevocationsApi();
app.MapAuditChainApi<IdentityDbContext>("/api/identity");
app.MapCitizensApi();

await app.MigrateIdentityDatabaseAsync();

app.Run();
