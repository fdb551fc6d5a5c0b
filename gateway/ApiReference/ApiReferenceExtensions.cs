using Scalar.AspNetCore;

namespace CityEServices.Gateway.ApiReference;

/// <summary>
/// One interactive reference for the whole city: each service's own document is proxied at
/// <c>/openapi/{service}/v1.json</c> (routes in configuration) and Scalar at <c>/scalar</c> lists them all.
/// </summary>
public static class ApiReferenceExtensions
{
    public const string DocumentPattern = "/openapi/{documentName}/v1.json";

    /// <summary>Document name (the cluster) and title, in the order the reference lists them.</summary>
    public static readonly (string Name, string Title)[] Documents =
    [
        ("identity", "Identity"),
        ("property", "Property"),
        ("officemanagement", "Office management"),
        ("urbanplanning", "Urban planning"),
        ("archive", "Archive"),
        ("notifications", "Notifications and webhooks"),
    ];

    public static IEndpointConventionBuilder MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference("/scalar", options =>
        {
            options.WithTitle("CityEServices API")
                .WithOpenApiRoutePattern(DocumentPattern)
                .AddPreferredSecuritySchemes(ServiceDefaults.OpenApi.OpenApiExtensions.BearerScheme);
            foreach (var (name, title) in Documents)
            {
                options.AddDocument(name, title, isDefault: name == "property");
            }
        }).AllowAnonymous();
}
