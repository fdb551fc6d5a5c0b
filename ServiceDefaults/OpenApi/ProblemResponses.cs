using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CityEServices.ServiceDefaults.OpenApi;

/// <summary>
/// Every error an operation can answer with, as RFC 9457 problem details. The services return
/// <c>ProblemHttpResult</c> for every failure, which tells the generator nothing about the status, so
/// the statuses follow from the operation's shape: 429 everywhere (the gateway limits rates), 401/403
/// when a token is needed, 400 when there is input, 404 when a path names a resource, 409 on writes
/// (state and concurrency), 415/422 when there is a body, 413 when the body is a file upload.
/// </summary>
internal static class ProblemResponses
{
    public const string SchemaId = "Problem";
    public const string MediaType = "application/problem+json";

    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    public static Task Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document;
        if (document is null)
        {
            return Task.CompletedTask;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(SchemaId, Schema());

        var description = context.Description;
        var parameters = description.ParameterDescriptions;
        var hasBody = operation.RequestBody is not null;
        var isUpload = operation.RequestBody?.Content?.Keys.Any(k => k.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)) == true;
        var isAnonymous = description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var isWrite = Writes.Contains(description.HttpMethod ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var hasPathParameter = operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true;
        var hasInput = hasBody || operation.Parameters?.Count > 0 || parameters.Count > 0;

        operation.Responses ??= new OpenApiResponses();
        var statuses = new List<int>();
        if (hasInput)
        {
            statuses.Add(400);
        }

        if (!isAnonymous)
        {
            statuses.AddRange([401, 403]);
        }

        if (hasPathParameter)
        {
            statuses.Add(404);
        }

        if (isWrite)
        {
            statuses.Add(409);
        }

        if (isUpload)
        {
            statuses.Add(413);
        }

        if (hasBody)
        {
            statuses.AddRange([415, 422]);
        }

        statuses.Add(429);
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = Describe(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(SchemaId, document) },
                },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>RFC 9457 plus what every service adds: <c>reason</c> on 403/409 and <c>errors</c> per field on 400.</summary>
    internal static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["reason"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "Machine-readable cause on every 403 and 409, e.g. OfficeSuspended, insufficient_scope.",
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "Validation messages per field.",
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
    };

    private static string Describe(int status) => status switch
    {
        400 => "The input is malformed or invalid.",
        401 => "No valid access token.",
        403 => "Not allowed; `reason` says why (e.g. insufficient_scope).",
        404 => "Not found.",
        409 => "Conflicts with the current state; `reason` says which.",
        413 => "The upload is too large.",
        415 => "Unsupported media type.",
        422 => "Well-formed but breaks a business rule.",
        429 => "Too many requests; retry after the Retry-After header.",
        _ => "Problem.",
    };
}
