using CityEServices.Gateway;
using CityEServices.Gateway.ApiReference;
using CityEServices.Gateway.Idempotency;
using CityEServices.Gateway.Pages;
using CityEServices.Gateway.Proxy;
using CityEServices.Gateway.RateLimiting;
using CityEServices.ServiceDefaults.Health;
using CityEServices.ServiceDefaults.Problems;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultAuthentication();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseCorrelationId();
app.UseCityProblemDetails();
app.UseApiVersions();
app.UseAuthentication();
app.UseAuthorization();

// Health only: /openapi/v1.json at the gateway is the services' documents merged, not the gateway's own.
app.MapHealthEndpoints();
AggregatedOpenApi.Map(app);
app.MapApiReference();
app.MapCitizenPages();
app.MapReverseProxy(proxy =>
{
    proxy.UseForwarderProblems();
    proxy.UseSharedRateLimits();
    proxy.UseIdempotencyKeys();
    proxy.UseIdempotentRetries();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();
