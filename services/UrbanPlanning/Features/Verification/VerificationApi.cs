namespace CityEServices.UrbanPlanning.Features.Verification;

public static class VerificationApi
{
    public const string KeysPath = "/.well-known/city-document-keys";

    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(KeysPath, GetKeysAsync).AllowAnonymous()
            .WithName("GetDocumentKeys").WithTags("Document verification")
            .WithSummary("The city's document signing keys (JWKS, ES256), retired ones included; cacheable.")
            .Produces(StatusCodes.Status200OK, contentType: "application/jwk-set+json");
        var verify = app.MapGroup("/api/verify").WithTags("Document verification").AllowAnonymous();
        verify.MapGet("/{number}", ByNumberAsync).WithName("VerifyDocumentNumber")
            .WithSummary("valid | revoked | expired | superseded with the document's type, dates, property and masked holder; 404 for a number the city never issued.");
        verify.MapPost("/", ByPayloadAsync).WithName("VerifyDocumentPayload")
            .WithSummary("The same answer for a scanned QR text after its signature is checked; a forged or altered text is invalid.");
        return app;
    }

    public static async Task<IResult> GetKeysAsync(HttpContext context, GetDocumentKeys getKeys, CancellationToken cancellationToken)
    {
        var jwks = await getKeys.HandleAsync(cancellationToken);
        // Keys change only with a rotation (a redeploy); verifiers may keep them for an hour.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(jwks, "application/jwk-set+json");
    }

    public static async Task<Results<Ok<VerificationResponse>, ProblemHttpResult>> ByNumberAsync(
        string number, VerifyDocument verifyDocument, CancellationToken cancellationToken) =>
        (await verifyDocument.ByNumberAsync(number, cancellationToken)).ToOk();

    public static async Task<Results<Ok<VerificationResponse>, ProblemHttpResult>> ByPayloadAsync(
        VerifyPayloadBody body, VerifyDocument verifyDocument, CancellationToken cancellationToken) =>
        (await verifyDocument.ByPayloadAsync(body, cancellationToken)).ToOk();
}
