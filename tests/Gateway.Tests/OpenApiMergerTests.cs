using System.Text.Json.Nodes;
using CityEServices.Gateway.ApiReference;
using CityEServices.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;

namespace CityEServices.Gateway.Tests;

/// <summary>The aggregated contract: the services' documents merged deterministically, and readable by the OpenAPI reader.</summary>
public sealed class OpenApiMergerTests
{
    private static JsonObject Doc(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static readonly JsonObject Property = Doc("""
        {"openapi":"3.1.1","info":{"title":"Property","version":"v1"},"servers":[{"url":"http://property:8080"}],
         "paths":{"/api/properties/{id}":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}},
         "components":{"schemas":{"Item":{"type":"object","properties":{"code":{"type":"string"}}},
                                  "Page":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}},
                                  "Shared":{"type":"string"}},
                       "securitySchemes":{"Bearer":{"type":"http","scheme":"bearer"}}},
         "tags":[{"name":"Properties"}]}
        """);

    private static readonly JsonObject Archive = Doc("""
        {"openapi":"3.1.1","info":{"title":"Archive","version":"v1"},
         "paths":{"/api/archive/documents":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
         "components":{"schemas":{"Item":{"type":"object","properties":{"title":{"type":"string"}}},
                                  "Page":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Item"}}}},
                                  "Shared":{"type":"string"}},
                       "securitySchemes":{"Bearer":{"type":"http","scheme":"bearer"}}},
         "tags":[{"name":"Documents"},{"name":"Properties"}]}
        """);

    private static JsonObject Merged() => OpenApiMerger.Merge("City", [("Property", Property), ("Archive", Archive)]);

    [Fact]
    public void Paths_and_tags_of_every_service_are_kept_and_the_gateway_is_the_only_server()
    {
        var merged = Merged();

        Assert.NotNull(merged["paths"]!["/api/properties/{id}"]);
        Assert.NotNull(merged["paths"]!["/api/archive/documents"]);
        Assert.Equal(["Properties", "Documents"], merged["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal("/", Assert.Single(merged["servers"]!.AsArray())!["url"]!.GetValue<string>());
        Assert.Equal("City", merged["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void A_clashing_schema_is_renamed_with_the_service_and_its_references_follow()
    {
        var schemas = Merged()["components"]!["schemas"]!.AsObject();
        var merged = Merged();

        Assert.Equal("code", schemas["Item"]!["properties"]!.AsObject().Single().Key);
        Assert.Equal("title", schemas["ArchiveItem"]!["properties"]!.AsObject().Single().Key);
        // Page is equal by text but points at a renamed Item, so it is a different schema too.
        Assert.Equal("#/components/schemas/ArchiveItem", schemas["ArchivePage"]!["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Item", schemas["Page"]!["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ArchivePage",
            merged["paths"]!["/api/archive/documents"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.False(schemas.ContainsKey("ArchiveShared"));
    }

    [Fact]
    public void The_merge_is_deterministic_and_leaves_its_inputs_alone()
    {
        var before = Archive.ToJsonString();

        Assert.Equal(Merged().ToJsonString(), Merged().ToJsonString());
        Assert.Equal(before, Archive.ToJsonString());
    }

    [Theory]
    [InlineData("Urban planning", "Item", "UrbanPlanningItem")]
    [InlineData("Notifications and webhooks", "Item", "NotificationsAndWebhooksItem")]
    public void The_prefix_is_the_service_title_in_pascal_case(string service, string name, string expected) =>
        Assert.Equal(expected, OpenApiMerger.Prefixed(service, name));

    /// <summary>Two services as the real ones publish (AddCityOpenApi), with a clashing schema name, merged and read back.</summary>
    [Fact]
    public async Task The_merged_documents_of_real_services_parse_without_errors()
    {
        var first = await PublishAsync(app => app.MapGet("/api/one/{id:guid}", (Guid id) => TypedResults.Ok(new One.Item(id.ToString()))));
        var second = await PublishAsync(app => app.MapPost("/api/two", (Two.Item item) => TypedResults.Ok(item)));

        var merged = OpenApiMerger.Merge("City", [("One", first), ("Two", second)]).ToJsonString();
        var (document, diagnostic) = OpenApiDocument.Parse(merged, "json");

        Assert.NotNull(document);
        Assert.Empty(diagnostic!.Errors);
        Assert.Contains("Item", document.Components!.Schemas!.Keys);
        Assert.Contains("TwoItem", document.Components.Schemas.Keys);
        Assert.Equal(2, document.Paths.Count);
        Assert.Contains("OAuth2", document.Components.SecuritySchemes!.Keys);
    }

    private static async Task<JsonObject> PublishAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddCityOpenApi();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.MapCityOpenApi();
        map(app);
        await app.StartAsync();
        using var http = app.GetTestClient();
        return Doc(await http.GetStringAsync(OpenApiExtensions.DocumentPath));
    }

    public static class One
    {
        public sealed record Item(string Code);
    }

    public static class Two
    {
        public sealed record Item(int Count, string Title);
    }
}
