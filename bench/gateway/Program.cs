using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

// The yardstick: a YARP host as its getting-started guide builds it (one catch-all route to the
// property service, the runtime's and the Web SDK's defaults), with nothing the gateway adds — no token
// check, no rate limits, no idempotency, no telemetry — and no logs below warnings, so that the console
// does not weigh on it. The gateway benchmark runs it beside the gateway and nginx.
//   BareYarp <upstream base URL> <file to write the address it listens on to>
// Its content root is its own folder, as a deployed host's is: the default (the working directory) is watched for
// configuration changes, and there the benchmark's stack writes (its PostgreSQL data), which it would pay for.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "upstream", Match = new RouteMatch { Path = "{**rest}" } }],
    [new ClusterConfig
    {
        ClusterId = "upstream",
        Destinations = new Dictionary<string, DestinationConfig> { ["upstream"] = new() { Address = args[0] } },
    }]);

var app = builder.Build();
app.MapReverseProxy();
await app.StartAsync();
var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
await File.WriteAllTextAsync(args[1], addresses.Addresses.First());
await app.WaitForShutdownAsync();
