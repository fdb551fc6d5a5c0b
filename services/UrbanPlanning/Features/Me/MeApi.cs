namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>The signed-in citizen's own files and requests (citizen-otp tokens only; role citizen).</summary>
public static class MeApi
{
    public const string Path = "/api/me";

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup(Path).WithTags("Citizen").RequireAuthorization(p => p.RequireRole(Roles.Citizen));
        me.MapGet("/files", ListFilesAsync).WithName("ListMyFiles")
            .WithSummary("The files the signed-in citizen holds, newest first, with their requests in brief; paged.");
        me.MapGet("/requests/{requestId:guid}", GetRequestAsync).WithName("GetMyRequest")
            .WithSummary("A request of one of the citizen's files: status, missing document categories, timeline; 404 for anyone else's.");
        me.MapGet("/requests/{requestId:guid}/payment-order", GetPaymentOrderAsync).WithName("GetMyPaymentOrder")
            .WithSummary("The payment order of the citizen's own request, to pay at their bank; 404 for anyone else's.");
        me.MapGet("/requests/{requestId:guid}/document", GetDocumentAsync).WithName("GetMyIssuedDocument")
            .WithSummary("The issued document (PDF) of the citizen's own request; 404 for anyone else's.");
        return app;
    }

    public static async Task<Results<Ok<PaymentOrderResponse>, ProblemHttpResult>> GetPaymentOrderAsync(
        Guid requestId, Caller caller, GetMyPaymentOrder getMyPaymentOrder, CancellationToken cancellationToken) =>
        (await getMyPaymentOrder.HandleAsync(requestId, caller, cancellationToken)).ToOk();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDocumentAsync(
        Guid requestId, Caller caller, GetMyDocument getMyDocument, CancellationToken cancellationToken)
    {
        var outcome = await getMyDocument.HandleAsync(requestId, caller, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.File(outcome.Value.Pdf, DocumentsApi.PdfContentType, $"{outcome.Value.Number}.pdf")
            : outcome.Problem!.ToResult();
    }

    public static async Task<Results<Ok<Page<MyFileResponse>>, ProblemHttpResult>> ListFilesAsync(
        string? page, string? pageSize, Caller caller, ListMyFiles listMyFiles, CancellationToken cancellationToken) =>
        (await listMyFiles.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<MyRequestResponse>, ProblemHttpResult>> GetRequestAsync(
        Guid requestId, Caller caller, GetMyRequest getMyRequest, CancellationToken cancellationToken) =>
        (await getMyRequest.HandleAsync(requestId, caller, cancellationToken)).ToOk();
}
