using System.Security.Claims;
using CityEServices.Archive.Data;
using CityEServices.Archive.Domain;
using CityEServices.Archive.Ingest;
using CityEServices.Archive.Storage;
using CityEServices.Messaging;
using CityEServices.Messaging.Persistence;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CityEServices.Archive.Api;

public static class DocumentsApi
{
    // Room for the multipart boundaries, part headers and metadata fields around the file itself.
    private const long MultipartOverhead = 1024 * 1024;

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/archive/documents").WithTags("Documents");
        documents.MapPost("/", UploadAsync).WithName("ArchiveDocument")
            .WithSummary("Archive a scanned document (multipart: file, category, fileNumber, renovationCode, title, source, scannedDate)")
            .DisableAntiforgery();
        documents.MapGet("/", DocumentSearch.SearchAsync).WithName("SearchDocuments").WithSummary("Search documents, paged");
        documents.MapGet("/{documentId:guid}", GetAsync).WithName("GetDocument").WithSummary("A document's metadata");
        documents.MapGet("/{documentId:guid}/content", GetContentAsync).WithName("GetDocumentContent")
            .WithSummary("The document's bytes (range requests honoured); every read is audited");
        documents.MapGet("/{documentId:guid}/reads", GetReadsAsync).WithName("GetDocumentReads").WithSummary("The access audit of a document's content");
        return documents;
    }

    /// <summary>
    /// Streams the file part to the store's temp folder (never whole in memory), decides the type from
    /// its first bytes, and only then looks at the metadata, the dossier and the caller's rights.
    /// </summary>
    public static async Task<Results<Created<DocumentReceipt>, Ok<DocumentReceipt>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpContext http,
        ArchiveDbContext db,
        ContentStore store,
        DocumentIngest ingest,
        IOptions<ArchiveStorageOptions> options,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var mayUpload = DocumentAccessRules.CanUploadAny(caller);
        if (!mayUpload.Allowed)
        {
            return Problems.Forbidden(mayUpload);
        }

        var maxBytes = options.Value.MaxDocumentBytes;
        if (http.Request.ContentLength is { } declared && declared > maxBytes + MultipartOverhead)
        {
            return Problems.TooLarge(maxBytes);
        }

        // Our own limit is enforced while streaming; Kestrel's default (30 MB) must not cut in first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBytes + MultipartOverhead;
        }

        using var upload = await UploadReader.ReadAsync(http.Request, store, maxBytes, cancellationToken);
        switch (upload.Refusal)
        {
            case UploadRefusal.NotMultipart or UploadRefusal.UnsupportedContent:
                return Problems.UnsupportedMediaType(upload.RefusalDetail!);
            case UploadRefusal.TooLarge:
                return Problems.TooLarge(maxBytes);
            case UploadRefusal.Malformed:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [upload.RefusalDetail!] });
        }

        var validated = UploadMetadata.From(upload.Fields);
        if (upload.File is null)
        {
            var errors = validated.Errors;
            errors["file"] = ["A 'file' part with the scanned content is required."];
            return TypedResults.ValidationProblem(errors);
        }

        if (validated.Value is not { } metadata)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var dossier = metadata.FileNumber is null ? null
            : await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.FileNumber == metadata.FileNumber, cancellationToken);
        var access = DocumentAccessRules.CanUpload(caller, metadata.Source, dossier);
        if (dossier is null && metadata.FileNumber is not null && metadata.Source == DocumentSource.OfficeScan)
        {
            // Office scans are filed in the dossier urban planning opened; legacy scans may predate it.
            return Problems.NotFound("Dossier not found.", $"The archive has no dossier for file {metadata.FileNumber} (yet).");
        }

        if (!access.Allowed)
        {
            return Problems.Forbidden(access);
        }

        if (dossier is not null && metadata.RenovationCode is not null && metadata.RenovationCode != dossier.RenovationCode)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["renovationCode"] = [$"File {dossier.FileNumber} is for property {dossier.RenovationCode}."],
            });
        }

        var sha256 = upload.File.Complete();
        var pages = PageCounter.Count(upload.File.TempPath, upload.Kind!.Value);
        var renovationCode = dossier?.RenovationCode ?? metadata.RenovationCode;
        var district = dossier?.District ?? metadata.RenovationDistrict ?? (metadata.FileNumber is { } f ? int.Parse(f[..2], System.Globalization.CultureInfo.InvariantCulture) : null);
        var staged = upload.File;

        var result = await ingest.ArchiveAsync(
            new StagedDocument(sha256, staged.Length, upload.Kind.Value, pages),
            metadata.Category, metadata.Title, metadata.FileNumber, renovationCode, district, metadata.Source, metadata.ScannedAt,
            http.User.Actor(), http.CorrelationId(), beforeSave: () => staged.Commit(), cancellationToken);

        var receipt = DocumentReceipt.From(result.Document, result.Existing);
        return result.Existing ? TypedResults.Ok(receipt) : TypedResults.Created($"/api/archive/documents/{result.Document.Id}", receipt);
    }

    public static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetAsync(
        Guid documentId, ClaimsPrincipal user, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var (document, refusal) = await FindReadableAsync(documentId, user, db, cancellationToken);
        return document is null ? refusal! : TypedResults.Ok(DocumentResponse.From(document));
    }

    /// <summary>The bytes, with the detected Content-Type, an ETag of the hash, and range support; the read is audited first.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetContentAsync(
        Guid documentId, HttpContext http, ArchiveDbContext db, ContentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (document, refusal) = await FindReadableAsync(documentId, http.User, db, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        if (document.IsDisposed)
        {
            return Problems.NotFound("Content disposed.", $"Document {documentId} was disposed of after its retention period; its record remains.");
        }

        FileStream stream;
        try
        {
            stream = store.OpenRead(document.Sha256);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Metadata without content is what fixity checks report; the caller gets a clear 404, not a 500.
            return Problems.NotFound("Content missing.", $"The content of document {documentId} is missing from the store; a fixity check will report it.");
        }

        var range = http.Request.Headers.Range.ToString();
        db.ContentReads.Add(new ContentRead
        {
            DocumentId = document.Id,
            Actor = http.User.Actor(),
            ReadAt = time.GetDatabaseNow(),
            Range = string.IsNullOrEmpty(range) ? null : range[..Math.Min(range.Length, 200)],
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return TypedResults.File(
            stream,
            document.ContentType,
            lastModified: document.CreatedAt,
            entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""),
            enableRangeProcessing: true);
    }

    public sealed record ContentReadResponse(string Actor, Iran.DualTime ReadAt, string? Range);

    public static async Task<Results<Ok<IReadOnlyList<ContentReadResponse>>, ProblemHttpResult>> GetReadsAsync(
        Guid documentId, ClaimsPrincipal user, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var manage = DocumentAccessRules.CanManage(Caller.From(user));
        if (!manage.Allowed)
        {
            return Problems.Forbidden(manage);
        }

        var reads = await db.ContentReads.AsNoTracking().Where(r => r.DocumentId == documentId)
            .OrderByDescending(r => r.ReadAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ContentReadResponse>>([.. reads.Select(r => new ContentReadResponse(r.Actor, Iran.DualTime.From(r.ReadAt), r.Range))]);
    }

    private static async Task<(Document? Document, ProblemHttpResult? Refusal)> FindReadableAsync(
        Guid documentId, ClaimsPrincipal user, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var mayRead = DossierAccessRules.CanReadAny(caller);
        if (!mayRead.Allowed)
        {
            return (null, Problems.Forbidden(mayRead));
        }

        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null)
        {
            return (null, Problems.NotFound("Document not found.", $"No document {documentId}."));
        }

        var office = document.FileNumber is null || !caller.IsIn(Contracts.Security.Roles.OfficeOperator) ? null
            : await db.Dossiers.AsNoTracking().Where(d => d.FileNumber == document.FileNumber).Select(d => d.OfficeCode).SingleOrDefaultAsync(cancellationToken);
        var access = DocumentAccessRules.CanRead(caller, document, office);
        return access.Allowed ? (document, null) : (null, Problems.Forbidden(access));
    }
}
