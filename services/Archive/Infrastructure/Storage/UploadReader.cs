using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CityEServices.Archive.Infrastructure.Storage;

/// <summary>
/// Reads <c>multipart/form-data</c> section by section with <see cref="MultipartReader"/>: the file part
/// goes straight to a temporary file (hashed on the way), so memory stays at one buffer whatever the
/// size. Its first bytes decide the type; its length is counted against the limit as it arrives. The
/// HTTP half of an upload: what the parts say is for the use case to judge.
/// </summary>
public sealed class UploadReader(ContentStore store, IOptions<ArchiveStorageOptions> options)
{
    // Room for the multipart boundaries, part headers and metadata fields around the file itself.
    public const long MultipartOverhead = 1024 * 1024;

    private const int MaxFieldLength = 4096;
    private const int BufferSize = 81920;

    public long MaxDocumentBytes => options.Value.MaxDocumentBytes;

    /// <summary>
    /// Reads the request's upload: a declared length beyond the limit is refused before a byte is read,
    /// and Kestrel's own body limit (30 MB) is lifted to ours, which is enforced while streaming.
    /// </summary>
    public Task<ParsedUpload> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is { } declared && declared > MaxDocumentBytes + MultipartOverhead)
        {
            return Task.FromResult(new ParsedUpload().Refuse(UploadRefusal.TooLarge, TooLargeDetail(MaxDocumentBytes)));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxDocumentBytes + MultipartOverhead;
        }

        return ReadMultipartAsync(http.Request, store, MaxDocumentBytes, cancellationToken);
    }

    public static string TooLargeDetail(long maxBytes) => $"Documents are limited to {maxBytes} bytes.";

    public static async Task<ParsedUpload> ReadMultipartAsync(HttpRequest request, ContentStore store, long maxBytes, CancellationToken cancellationToken)
    {
        var upload = new ParsedUpload();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return upload.Refuse(UploadRefusal.NotMultipart, "Send multipart/form-data with a 'file' part and the metadata fields.");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition() || name.Equals("file", StringComparison.OrdinalIgnoreCase))
                {
                    if (upload.File is not null)
                    {
                        return upload.Refuse(UploadRefusal.Malformed, "Send exactly one file per upload.");
                    }

                    if (!await StageFileAsync(upload, section.Body, store, maxBytes, cancellationToken))
                    {
                        return upload;
                    }
                }
                else
                {
                    var value = await ReadFieldAsync(section.Body, cancellationToken);
                    if (value is null)
                    {
                        return upload.Refuse(UploadRefusal.Malformed, $"Field '{name}' is longer than {MaxFieldLength} characters.");
                    }

                    upload.Fields[name] = value;
                }
            }
        }
        catch (InvalidDataException ex)
        {
            // A broken boundary, oversized headers, a truncated body: the client's mistake, not ours.
            return upload.Refuse(UploadRefusal.Malformed, ex.Message);
        }

        return upload;
    }

    private static async Task<bool> StageFileAsync(ParsedUpload upload, Stream body, ContentStore store, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // Enough of the head to recognise the format, before anything is written.
            var head = 0;
            int read;
            while (head < ContentSignature.HeaderLength && (read = await body.ReadAsync(buffer.AsMemory(head, ContentSignature.HeaderLength - head), cancellationToken)) > 0)
            {
                head += read;
            }

            var kind = ContentSignature.Detect(buffer.AsSpan(0, head));
            if (kind is null)
            {
                upload.Refuse(UploadRefusal.UnsupportedContent, "The content is not a PDF, TIFF, JPEG or PNG (judged by its first bytes, not its name or declared type).");
                return false;
            }

            upload.Kind = kind;
            upload.File = store.Stage();
            await upload.File.WriteAsync(buffer.AsMemory(0, head), cancellationToken);
            while ((read = await body.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                if (upload.File.Length + read > maxBytes)
                {
                    upload.Refuse(UploadRefusal.TooLarge, TooLargeDetail(maxBytes));
                    return false;
                }

                await upload.File.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var chars = new char[MaxFieldLength + 1];
        var total = 0;
        int read;
        while (total < chars.Length && (read = await reader.ReadAsync(chars.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxFieldLength ? null : new string(chars, 0, total);
    }
}
