using System.Text;
using CityEServices.Archive.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CityEServices.Archive.Ingest;

/// <summary>Why an upload was refused before any metadata was looked at.</summary>
public enum UploadRefusal
{
    NotMultipart,
    UnsupportedContent,
    TooLarge,
    Malformed,
}

/// <summary>The parts of one multipart upload: the form fields, and the file staged in the store's temp folder.</summary>
public sealed class ParsedUpload : IDisposable
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public StagedContent? File { get; set; }

    public ContentKind? Kind { get; set; }

    public UploadRefusal? Refusal { get; set; }

    public string? RefusalDetail { get; set; }

    public void Dispose() => File?.Dispose();
}

/// <summary>
/// Reads <c>multipart/form-data</c> section by section with <see cref="MultipartReader"/>: the file part
/// goes straight to a temporary file (hashed on the way), so memory stays at one buffer whatever the
/// size. Its first bytes decide the type; its length is counted against the limit as it arrives.
/// </summary>
public static class UploadReader
{
    private const int MaxFieldLength = 4096;
    private const int BufferSize = 81920;

    public static async Task<ParsedUpload> ReadAsync(HttpRequest request, ContentStore store, long maxBytes, CancellationToken cancellationToken)
    {
        var upload = new ParsedUpload();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Refuse(upload, UploadRefusal.NotMultipart, "Send multipart/form-data with a 'file' part and the metadata fields.");
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
                        return Refuse(upload, UploadRefusal.Malformed, "Send exactly one file per upload.");
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
                        return Refuse(upload, UploadRefusal.Malformed, $"Field '{name}' is longer than {MaxFieldLength} characters.");
                    }

                    upload.Fields[name] = value;
                }
            }
        }
        catch (InvalidDataException ex)
        {
            // A broken boundary, oversized headers, a truncated body: the client's mistake, not ours.
            return Refuse(upload, UploadRefusal.Malformed, ex.Message);
        }

        return upload;
    }

    private static ParsedUpload Refuse(ParsedUpload upload, UploadRefusal refusal, string detail)
    {
        upload.Refusal = refusal;
        upload.RefusalDetail = detail;
        upload.File?.Dispose();
        upload.File = null;
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
                Refuse(upload, UploadRefusal.UnsupportedContent, "The content is not a PDF, TIFF, JPEG or PNG (judged by its first bytes, not its name or declared type).");
                return false;
            }

            upload.Kind = kind;
            upload.File = store.Stage();
            await upload.File.WriteAsync(buffer.AsMemory(0, head), cancellationToken);
            while ((read = await body.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
            {
                if (upload.File.Length + read > maxBytes)
                {
                    Refuse(upload, UploadRefusal.TooLarge, $"Documents are limited to {maxBytes} bytes.");
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
