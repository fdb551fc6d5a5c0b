using System.Text;
using CityEServices.Archive.Domain;
using CityEServices.Archive.IntegrationTests.Infrastructure;
using CityEServices.Archive.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// The service's multipart reader fed a large body straight from a generator (no TestServer pipe in
/// between, which buffers request bodies by itself): live memory stays flat while the file goes to disk.
/// The same through the real gateway and Kestrel is measured by bench/archive-transfer (process RSS).
/// </summary>
public sealed class StreamingUploadTests : IDisposable
{
    private readonly string _root = RepositoryPaths.NewDataDirectory("archive-stream");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_large_file_is_streamed_to_disk_without_being_held_in_memory()
    {
        const long size = 48L * 1024 * 1024;
        var store = new ContentStore(Options.Create(new ArchiveStorageOptions { ContentRoot = _root }), new HostingEnvironment { ContentRootPath = _root });
        const string boundary = "----city-boundary-7d1f";
        var head = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nپرونده\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var context = new DefaultHttpContext();
        context.Request.ContentType = $"multipart/form-data; boundary={boundary}";
        // Live memory, sampled after a full collection at every megabyte the reader takes from the body:
        // a body buffered whole would show as a jump of its size (allocation totals would not tell
        // garbage from retained bytes). Sampled on the reader's own progress, so no timer can miss it.
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        var samples = 0;
        context.Request.Body = new ConcatStream(
            [new MemoryStream(head), new GeneratedStream(size, seed: 11), new MemoryStream(tail)],
            sampleEvery: 1024 * 1024,
            sample: () =>
            {
                samples++;
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
            });

        var upload = await UploadReader.ReadMultipartAsync(context.Request, store, maxBytes: 64L * 1024 * 1024, CancellationToken.None);

        using (upload)
        {
            Assert.Null(upload.Refusal);
            Assert.Equal(ContentKind.Pdf, upload.Kind);
            Assert.Equal(size, upload.File!.Length);
            Assert.Equal(size, new FileInfo(upload.File.TempPath).Length);
            Assert.Equal("پرونده", upload.Fields["title"]);
        }

        Assert.True(samples >= size / (1024 * 1024), $"memory was sampled only {samples} times");
        var growth = peak - baseline;
        Assert.True(growth < 4 * 1024 * 1024, $"live memory grew by {growth / 1024} KB while reading a {size / 1024 / 1024} MB upload");
    }

    /// <summary>The parts one after the other, calling <paramref name="sample"/> each time another <paramref name="sampleEvery"/> bytes have been read.</summary>
    private sealed class ConcatStream(IReadOnlyList<Stream> parts, long sampleEvery, Action sample) : Stream
    {
        private int _current;
        private long _read;
        private long _sampledUpTo;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_current < parts.Count)
            {
                var read = parts[_current].Read(buffer, offset, count);
                if (read > 0)
                {
                    _read += read;
                    if (_read - _sampledUpTo >= sampleEvery)
                    {
                        _sampledUpTo += sampleEvery;
                        sample();
                    }

                    return read;
                }

                _current++;
            }

            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer.Span);
            return ValueTask.FromResult(read);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
