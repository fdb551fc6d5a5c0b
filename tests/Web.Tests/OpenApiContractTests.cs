using System.Text.Json;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.ServiceDefaults.OpenApi;
using CityEServices.Web.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityEServices.Web.Tests;

/// <summary>The document every service publishes names what a generated client needs: schemes, scopes, problems, patterns.</summary>
public sealed class OpenApiContractTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private JsonElement _document;

    public sealed record Applicant(NationalId NationalId, string RenovationCode, MobileNumber? ApplicantMobile, string Name);

    public sealed record UploadForm(IFormFile File, string Title);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddCityOpenApi();
        builder.Services.AddAuthorization();
        _app = builder.Build();
        _app.MapCityOpenApi();
        _app.MapPost("/api/files", (Applicant body) => TypedResults.Ok(body)).RequireScope(Scopes.UrbanPlanningWrite);
        _app.MapGet("/api/files/{id:guid}", (Guid id) => TypedResults.Ok(id)).RequireScope(Scopes.UrbanPlanningRead, Scopes.PiiRead);
        // Like the archive: the body is streamed by hand, the form is declared for the contract.
        _app.MapPost("/api/files/{id:guid}/documents", (Guid id) => TypedResults.NoContent()).Accepts<UploadForm>("multipart/form-data");
        _app.MapGet("/api/track/{code}", (string code) => TypedResults.Ok(code)).AllowAnonymous();
        await _app.StartAsync();
        using var http = _app.GetTestClient();
        _document = JsonDocument.Parse(await http.GetStringAsync(OpenApiExtensions.DocumentPath)).RootElement.Clone();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private JsonElement Operation(string path, string method) => _document.GetProperty("paths").GetProperty(path).GetProperty(method);

    [Fact]
    public void The_client_credentials_scheme_lists_every_scope_and_the_token_url()
    {
        var flow = _document.GetProperty("components").GetProperty("securitySchemes").GetProperty("OAuth2")
            .GetProperty("flows").GetProperty("clientCredentials");

        Assert.Equal("/connect/token", flow.GetProperty("tokenUrl").GetString());
        Assert.Equal(Scopes.All.Order(), flow.GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void An_operation_names_the_scopes_its_endpoint_enforces_as_alternatives()
    {
        var security = Operation("/api/files/{id}", "get").GetProperty("security").EnumerateArray().ToList();

        var oauth = security.Where(r => r.TryGetProperty("OAuth2", out _)).Select(r => r.GetProperty("OAuth2")[0].GetString()).ToList();
        Assert.Equal([Scopes.UrbanPlanningRead, Scopes.PiiRead], oauth);
        Assert.Contains(security, r => r.TryGetProperty("Bearer", out _));
    }

    [Fact]
    public void An_operation_without_scopes_is_for_staff_only_and_an_anonymous_one_needs_nothing()
    {
        var staffOnly = Operation("/api/files/{id}/documents", "post").GetProperty("security").EnumerateArray().ToList();
        Assert.DoesNotContain(staffOnly, r => r.TryGetProperty("OAuth2", out _));
        Assert.Equal(0, Operation("/api/track/{code}", "get").GetProperty("security").GetArrayLength());
    }

    [Fact]
    public void Problem_responses_follow_the_operation_shape_and_use_the_problem_schema()
    {
        var create = Operation("/api/files", "post").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "409", "415", "422", "429" })
        {
            var schema = create.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/Problem", schema.GetProperty("$ref").GetString());
        }

        Assert.False(create.TryGetProperty("404", out _));
        Assert.True(Operation("/api/files/{id}/documents", "post").GetProperty("responses").TryGetProperty("413", out _));
        var track = Operation("/api/track/{code}", "get").GetProperty("responses");
        Assert.True(track.TryGetProperty("404", out _));
        Assert.False(track.TryGetProperty("401", out _));
        var problem = _document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties");
        Assert.True(problem.TryGetProperty("reason", out _));
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public void The_upload_is_described_as_multipart_with_a_binary_file()
    {
        var content = Operation("/api/files/{id}/documents", "post").GetProperty("requestBody").GetProperty("content");

        Assert.True(content.TryGetProperty("multipart/form-data", out var multipart));
        Assert.Equal("#/components/schemas/UploadForm", multipart.GetProperty("schema").GetProperty("$ref").GetString());
        var schemas = _document.GetProperty("components").GetProperty("schemas");
        var file = schemas.GetProperty("UploadForm").GetProperty("properties").GetProperty("file");
        var fileSchema = file.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : file;
        Assert.Equal("binary", fileSchema.GetProperty("format").GetString());
    }

    [Fact]
    public void Iranian_values_carry_their_patterns_whether_typed_or_plain_strings()
    {
        var properties = _document.GetProperty("components").GetProperty("schemas").GetProperty("Applicant").GetProperty("properties");

        Assert.Equal(@"^\d{10}$", Pattern(properties.GetProperty("nationalId")));
        Assert.Equal(@"^\d{1,9}(-\d{1,9}){6}$", Pattern(properties.GetProperty("renovationCode")));
        Assert.Equal(@"^\+989\d{9}$", Pattern(properties.GetProperty("applicantMobile")));
        Assert.False(properties.GetProperty("name").TryGetProperty("pattern", out _));
    }

    // A typed value may sit behind a $ref to its own component schema.
    private string? Pattern(JsonElement schema)
    {
        if (schema.TryGetProperty("pattern", out var pattern))
        {
            return pattern.GetString();
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var id = reference.GetString()!.Split('/')[^1];
            return Pattern(_document.GetProperty("components").GetProperty("schemas").GetProperty(id));
        }

        return schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf)
            ? oneOf.EnumerateArray().Select(Pattern).FirstOrDefault(p => p is not null)
            : null;
    }
}
