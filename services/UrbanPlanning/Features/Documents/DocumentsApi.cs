namespace CityEServices.UrbanPlanning.Features.Documents;

public static class DocumentsApi
{
    public const string PdfContentType = "application/pdf";

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/urban-planning/requests/{requestId:guid}").WithTags("Issued documents");
        requests.MapGet("/document", GetAsync).WithName("GetIssuedDocument")
            .WithSummary("The issued document's PDF (Persian, with its signed QR), for those who may read the file.")
            .Produces(StatusCodes.Status200OK, contentType: PdfContentType)
            .RequireScope(Scopes.UrbanPlanningRead);
        requests.MapPost("/revocations", RevokeAsync).WithName("RevokeIssuedDocument")
            .WithSummary("Revokes the request's issued document (a district reviewer of its district, or an admin); announces PermitRevoked.");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        Guid requestId, Caller caller, GetDocument getDocument, CancellationToken cancellationToken)
    {
        var outcome = await getDocument.HandleAsync(requestId, caller, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.File(outcome.Value.Pdf, PdfContentType, $"{outcome.Value.Number}.pdf")
            : outcome.Problem!.ToResult();
    }

    public static async Task<Results<Created<RevocationResponse>, ProblemHttpResult>> RevokeAsync(
        Guid requestId, RevocationBody body, Caller caller, RevokeDocument revokeDocument, CancellationToken cancellationToken) =>
        (await revokeDocument.HandleAsync(requestId, body, caller, cancellationToken))
            .ToCreated(revoked => $"/api/verify/{revoked.Number}");
}
