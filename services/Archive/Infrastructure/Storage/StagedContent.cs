using System.Security.Cryptography;

namespace CityEServices.Archive.Infrastructure.Storage;

/// <summary>One upload on its way into the store: hashed and counted while written; deleted unless committed.</summary>
public sealed class StagedContent : IDisposable
{
    private readonly ContentStore _store;
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _committed;

    internal StagedContent(ContentStore store, string path)
    {
        _store = store;
        TempPath = path;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
    }

    public string TempPath { get; }

    public long Length { get; private set; }

    public string? Sha256 { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        _hash.AppendData(data.Span);
        await _file.WriteAsync(data, cancellationToken);
        Length += data.Length;
    }

    /// <summary>Finishes the hash and flushes the bytes to the disk (fsync) before anything refers to them.</summary>
    public string Complete()
    {
        if (Sha256 is null)
        {
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        return Sha256;
    }

    /// <summary>Completes and renames into the store; returns the SHA-256.</summary>
    public string Commit()
    {
        var sha = Complete();
        _store.Commit(TempPath, sha);
        _committed = true;
        return sha;
    }

    public void Dispose()
    {
        _file.Dispose();
        _hash.Dispose();
        if (!_committed)
        {
            try
            {
                File.Delete(TempPath);
            }
            catch (IOException)
            {
                // A leftover .part file is harmless: nothing refers to it.
            }
        }
    }
}
