using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CityEServices.Archive.Storage;

public sealed class ArchiveStorageOptions
{
    /// <summary>Folder of the content-addressed store (Archive:ContentRoot); the AppHost puts it under the local data folder.</summary>
    public string ContentRoot { get; set; } = Path.Combine(Path.GetTempPath(), "cityeservices-archive");

    /// <summary>Largest document accepted, in bytes (Archive:MaxDocumentBytes); beyond it the upload is a 413.</summary>
    public long MaxDocumentBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>
/// Content addressed by SHA-256 under <c>{root}/{aa}/{bb}/{sha256}</c>. Content is written to a temporary
/// name in the same file system, hashed as it streams, flushed to disk, then renamed into place: a
/// reader never sees a half-written file, and content already present is not written twice. The
/// directories holding the new names are synced too, so content survives a power loss once a row
/// refers to it.
/// </summary>
public sealed class ContentStore(IOptions<ArchiveStorageOptions> options, IHostEnvironment environment)
{
    private const int BufferSize = 81920;

    // Folders whose entry in their parent this process has synced (at most 1 + 256 + 65,536 of them):
    // after the first use of each, an upload costs one directory sync, not three.
    private readonly ConcurrentDictionary<string, bool> _durableFolders = new(StringComparer.Ordinal);

    /// <summary>Makes a directory's entries durable; tests observe it, the service uses <see cref="Durable.FsyncDirectory"/>.</summary>
    internal Action<string> SyncDirectory { get; init; } = Durable.FsyncDirectory;

    /// <summary>A relative Archive:ContentRoot is taken from the service's content root, not the working directory.</summary>
    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.ContentRoot, environment.ContentRootPath));

    private string TempFolder => Path.Combine(Root, "tmp");

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public FileStream OpenRead(string sha256) =>
        new(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>A new temporary file in the store's own folder (so the final rename stays on one file system).</summary>
    public StagedContent Stage()
    {
        EnsureDurableFolder(Root);
        // Not synced: nothing refers to a temporary file, and a lost one is never missed.
        Directory.CreateDirectory(TempFolder);
        var path = Path.Combine(TempFolder, $"{Guid.NewGuid():N}.part");
        return new StagedContent(this, path);
    }

    /// <summary>Moves a fully written, flushed temporary file to its content address; drops it when that content is already stored.</summary>
    internal void Commit(string tempPath, string sha256)
    {
        var final = PathOf(sha256);
        var folder = Path.GetDirectoryName(final)!;
        EnsureDurableFolder(folder);
        try
        {
            // rename(2): atomic within one file system; never overwrites what is stored.
            File.Move(tempPath, final, overwrite: false);
        }
        catch (IOException) when (File.Exists(final))
        {
            // Same content stored meanwhile (or before): identical bytes by definition of the address.
            File.Delete(tempPath);
        }

        // Also when the content was there already: a concurrent upload may have renamed it and not yet synced.
        SyncDirectory(folder);
    }

    /// <summary>
    /// Creates <paramref name="folder"/> (and any missing folder between it and the root) and syncs each
    /// one's parent once per process, whoever created it: a folder another request (or a process since
    /// crashed) made may still exist only in memory.
    /// </summary>
    private void EnsureDurableFolder(string folder)
    {
        if (_durableFolders.ContainsKey(folder))
        {
            return;
        }

        var parent = Path.GetDirectoryName(folder);
        var isRoot = string.Equals(folder, Root, StringComparison.Ordinal);
        if (!isRoot && parent is not null)
        {
            EnsureDurableFolder(parent);
        }

        var existed = Directory.Exists(folder);
        Directory.CreateDirectory(folder);
        // The root's parent is the operator's folder, perhaps not one we may open: synced only when we made the root.
        if (parent is not null && (!isRoot || !existed))
        {
            SyncDirectory(parent);
        }

        _durableFolders.TryAdd(folder, true);
    }

    /// <summary>Re-hashes stored content; null when the file is missing.</summary>
    public async Task<string?> HashAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = OpenRead(sha256);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Removes stored content for good: the folder is synced after the unlink, or a power loss could
    /// bring back bytes whose disposal is already on record.
    /// </summary>
    public void Delete(string sha256)
    {
        var path = PathOf(sha256);
        File.Delete(path);
        if (Path.GetDirectoryName(path) is { } folder && Directory.Exists(folder))
        {
            SyncDirectory(folder);
        }
    }

    /// <summary>Writes bytes already in memory (the small system-generated records) through the same stage-hash-rename path.</summary>
    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var staged = Stage();
        await staged.WriteAsync(content, cancellationToken);
        return staged.Commit();
    }
}

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
