using Microsoft.OpenApi;

namespace CityEServices.ServiceDefaults.OpenApi;

/// <summary>
/// Every service publishes its OpenAPI document at <c>/openapi/v1.json</c>, anonymously, with the
/// bearer scheme the gateway and the services accept; the gateway serves them all under
/// <c>/openapi/{service}/v1.json</c> and in Scalar at <c>/scalar</c>.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddCityOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer(static (document, _, _) =>
            {
                // Requests from the reference go to whoever served the document (the gateway), never to
                // the service's own address, which integrators cannot reach.
                document.Servers = [new OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer(SecurityTransformers.AddSchemes);
            options.AddOperationTransformer(SecurityTransformers.AddRequirements);
            options.AddOperationTransformer(ProblemResponses.Add);
            options.AddSchemaTransformer(IranianPatterns.Apply);
        });

    public static IEndpointConventionBuilder MapCityOpenApi(this IEndpointRouteBuilder app) =>
        app.MapOpenApi().AllowAnonymous().ExcludeFromDescription();
}
