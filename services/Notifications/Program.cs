using CityEServices.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCityService();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCityService();
app.MapSubscriptionsApi();
app.MapSmsApi();
if (app.Environment.IsDevelopment())
{
    app.MapSmsSinkApi();
}

await app.RunCityServiceAsync<NotificationsDbContext>();
