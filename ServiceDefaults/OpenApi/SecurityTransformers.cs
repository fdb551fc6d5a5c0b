using CityEServices.Contracts.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CityEServices.ServiceDefaults.OpenApi;

/// <summary>
/// The two ways in: staff bearer tokens and integrator client-credentials tokens with scopes. Each
/// operation names the scopes its endpoint metadata enforces, so a generated client knows what to ask for.
/// </summary>
internal static class SecurityTransformers
{
    public const string OAuth2Scheme = "OAuth2";
    public const string TokenUrl = "/connect/token";

    public static Task AddSchemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiExtensions.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /connect/token (staff sign-in, or client_credentials for integrators).",
        };
        document.Components.SecuritySchemes[OAuth2Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Integrator clients: client_credentials with the scopes they were granted.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    // Relative: resolved against the server, which is the gateway.
                    TokenUrl = new Uri(TokenUrl, UriKind.Relative),
                    Scopes = Scopes.All.ToDictionary(s => s, Describe),
                },
            },
        };
        return Task.CompletedTask;
    }

    public static Task AddRequirements(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // Empty list overrides the document-wide requirement: no token needed.
            operation.Security = [];
            return Task.CompletedTask;
        }

        var document = context.Document;
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiExtensions.BearerScheme, document)] = [] };
        operation.Security = [bearer];
        var scopes = metadata.OfType<IScopeRequirement>().LastOrDefault();
        if (scopes is not null && (scopes.AnyClient || scopes.Scopes.Count > 0))
        {
            // OpenAPI lists the scopes of one requirement as all-required; ours are any-of, so one
            // requirement per scope. AnyClient needs a client token but no particular scope.
            List<List<string>> alternatives = scopes.AnyClient ? [[]] : [.. scopes.Scopes.Select(s => new List<string> { s })];
            foreach (var needed in alternatives)
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth2Scheme, document)] = needed });
            }
        }

        return Task.CompletedTask;
    }

    private static string Describe(string scope) => scope switch
    {
        Scopes.PiiRead => "National IDs and mobile numbers unmasked.",
        Scopes.Payments => "Confirm payment orders (banks).",
        Scopes.Webhooks => "Manage webhook subscriptions.",
        _ => $"The {scope} calls.",
    };
}
