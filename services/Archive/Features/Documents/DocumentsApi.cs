using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CityEServices.Archive.Features.Documents;

public static class DocumentsApi
{
    public const string Path = "/api/archive/documents";

    /// <summary>
    /// Integrators read with <c>archive.read</c> and import legacy scans with <c>archive.write</c>; the
    /// read audit names no scope, so it stays with archivists and admins.
    /// </summary>
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup(Path).WithTags("Documents");
        documents.MapPost("/", UploadAsync).WithName("ArchiveDocument")
            .WithSummary("Archive a scanned document (multipart: file, category, fileNumber, renovationCode, title, source, scannedDate)")
            .DisableAntiforgery()
            .Accepts<UploadForm>("multipart/form-data")
            .RequireScope(Scopes.ArchiveWrite);
        documents.MapGet("/", SearchAsync).WithName("SearchDocuments").WithSummary("Search documents, paged")
            .RequireScope(Scopes.ArchiveRead);
        documents.MapGet("/{documentId:guid}", GetAsync).WithName("GetDocument").WithSummary("A document's metadata")
            .RequireScope(Scopes.ArchiveRead);
        documents.MapGet("/{documentId:guid}/content", GetContentAsync).WithName("GetDocumentContent")
            .WithSummary("The document's bytes (range requests honoured); every read is audited")
            .RequireScope(Scopes.ArchiveRead);
        documents.MapGet("/{documentId:guid}/reads", GetReadsAsync).WithName("GetDocumentReads").WithSummary("The access audit of a document's content");
        return documents;
    }

    /// <summary>
    /// The body is streamed by <see cref="UploadReader"/> to the store's temp folder (never whole in
    /// memory), when and if the use case asks for it; 201 for a new record, 200 for content already in that dossier.
    /// </summary>
    public static async Task<Results<Created<DocumentReceipt>, Ok<DocumentReceipt>, ProblemHttpResult>> UploadAsync(
        HttpContext http, Caller caller, UploadReader reader, UploadDocument uploadDocument, CancellationToken cancellationToken)
    {
        var outcome = await uploadDocument.HandleAsync(ct => reader.ReadAsync(http, ct), caller, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!.ToResult();
        }

        var receipt = outcome.Value;
        return receipt.AlreadyArchived ? TypedResults.Ok(receipt) : TypedResults.Created($"{Path}/{receipt.DocumentId}", receipt);
    }

    public static async Task<Results<Ok<Page<DocumentResponse>>, ProblemHttpResult>> SearchAsync(
        [AsParameters] DocumentSearchQuery query, Caller caller, SearchDocuments searchDocuments, CancellationToken cancellationToken) =>
        (await searchDocuments.HandleAsync(query, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetAsync(
        Guid documentId, Caller caller, GetDocument getDocument, CancellationToken cancellationToken) =>
        (await getDocument.HandleAsync(documentId, caller, cancellationToken)).ToOk();

    /// <summary>The bytes, with the detected Content-Type, an ETag of the hash, and range support; the read is audited first.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetContentAsync(
        Guid documentId, [FromHeader(Name = "Range")] string? range, Caller caller, ReadDocumentContent readContent, CancellationToken cancellationToken)
    {
        var outcome = await readContent.HandleAsync(documentId, range, caller, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!.ToResult();
        }

        var content = outcome.Value;
        return TypedResults.File(
            content.Stream,
            content.ContentType,
            lastModified: content.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{content.Sha256}\""),
            enableRangeProcessing: true);
    }

    public static async Task<Results<Ok<IReadOnlyList<ContentReadResponse>>, ProblemHttpResult>> GetReadsAsync(
        Guid documentId, Caller caller, GetDocumentReads getReads, CancellationToken cancellationToken) =>
        (await getReads.HandleAsync(documentId, caller, cancellationToken)).ToOk();
}
