using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CityEServices.Archive.Infrastructure.Storage;

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
