using CityEServices.Messaging.Persistence;
using CityEServices.Notifications;
using CityEServices.Notifications.Data;
using CityEServices.Notifications.Features.Sms;
using CityEServices.Notifications.Features.Subscriptions;
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
// Integrator clients reach only the endpoints that name one of their scopes (the webhooks API); 403 insufficient_scope otherwise.
app.UseScopeChecks();
app.MapDefaultEndpoints();
app.MapSubscriptionsApi();
app.MapSmsApi();
if (app.Environment.IsDevelopment())
{
    app.MapSmsSinkApi();
}

await app.MigrateDatabaseAsync<NotificationsDbContext>();
app.Run();
