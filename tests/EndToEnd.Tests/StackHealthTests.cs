using System.Net;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CityEServices.EndToEnd.Tests;

/// <summary>
/// What a developer sees of a started city, for every resource the AppHost declares (read from its
/// model, so a service added to the AppHost is covered without touching this file): each project
/// answers its probes, each service is reachable through the gateway, and the dashboard shows every
/// server healthy.
/// </summary>
[Collection(CityStackCollection.Name)]
public sealed class StackHealthTests(CityStackFixture stack)
{
    [Fact]
    public async Task Every_project_answers_health_and_liveness_probes_anonymously_without_detail()
    {
        var failures = new List<string>();
        foreach (var project in stack.Stack.Projects)
        {
            using var client = stack.App.CreateHttpClient(project, "http");
            foreach (var probe in new[] { "/health", "/alive" })
            {
                using var response = await client.GetAsync(probe);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || body != "Healthy")
                {
                    failures.Add($"{project}{probe}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
            }
        }

        // Not vacuous: the model holds the gateway and the services behind it.
        Assert.Contains("gateway", stack.Stack.Projects);
        Assert.True(stack.Stack.Projects.Count > 1, $"the AppHost declares only {string.Join(", ", stack.Stack.Projects)}");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_service_answers_through_the_gateway_with_its_api_document()
    {
        var failures = new List<string>();
        foreach (var service in stack.Stack.Projects.Where(p => p != "gateway"))
        {
            // Proxied from the service itself: the gateway cannot answer it on the service's behalf.
            using var response = await stack.Gateway.GetAsync($"/openapi/{service}/v1.json");
            var body = await response.Content.ReadAsStringAsync();
            var paths = response.IsSuccessStatusCode ? JsonNode.Parse(body)?["paths"]?.AsObject() : null;
            if (paths is not { Count: > 0 })
            {
                failures.Add($"{service}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.True(stack.Stack.Projects.Count > 1, "no service behind the gateway");
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_project_runs_from_its_build_output_with_no_dotnet_run_resident_beside_it()
    {
        var failures = new List<string>();
        foreach (var project in stack.Stack.Projects)
        {
            var pid = stack.Stack.ServiceProcessId(project);
            var command = pid is { } id ? File.ReadAllText($"/proc/{id}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries) : [];
            // The orchestrator starts the service itself: a `dotnet run` between them would be its parent.
            var parent = pid is { } child ? ParentCommand(child) : "";
            if (command is not [_, var assembly] || !assembly.EndsWith(".dll", StringComparison.Ordinal)
                || !assembly.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || parent != "dcp")
            {
                failures.Add($"{project}: pid {pid}, command '{string.Join(' ', command)}', parent '{parent}'");
            }
        }

        Assert.True(stack.Stack.Projects.Count > 1, "no service behind the gateway");
        Assert.Empty(failures);
    }

    private static string ParentCommand(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
        return File.ReadAllText($"/proc/{parent}/comm").Trim();
    }

    [Fact]
    public async Task The_dashboard_shows_every_server_running_and_healthy()
    {
        var servers = stack.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ExecutableResource>()
            .Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any())
            .Select(r => r.Name)
            .ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        Assert.Equal(["postgres", "rabbitmq-server", "redis-server"], servers.Order());
        foreach (var server in servers)
        {
            await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(server, timeout.Token);
        }
    }
}
