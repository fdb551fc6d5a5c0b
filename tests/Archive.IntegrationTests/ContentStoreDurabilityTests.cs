using System.Security.Cryptography;
using System.Text;
using CityEServices.Archive.Infrastructure.Storage;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// Which directories the store syncs, and when: each new name (the content's, and every folder made on
/// its way) is synced in its parent after it exists. The syncs are observed through the store's hook,
/// which passes them on to the real <see cref="Durable.FsyncDirectory"/>.
/// </summary>
public sealed class ContentStoreDurabilityTests : IDisposable
{
    private readonly string _parent = RepositoryPaths.NewDataDirectory("archive-durable");
    private readonly List<(string Folder, string[] Entries)> _syncs = [];
    private readonly ContentStore _store;

    public ContentStoreDurabilityTests()
    {
        var root = Path.Combine(_parent, "store");
        _store = new ContentStore(Options.Create(new ArchiveStorageOptions { ContentRoot = root }), new HostingEnvironment { ContentRootPath = _parent })
        {
            SyncDirectory = folder =>
            {
                _syncs.Add((folder, Directory.GetFileSystemEntries(folder).Select(e => Path.GetFileName(e)).ToArray()));
                Durable.FsyncDirectory(folder);
            },
        };
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public async Task New_content_syncs_each_folder_made_for_it_and_then_its_own_folder()
    {
        var sha = await _store.PutAsync("first"u8.ToArray(), CancellationToken.None);

        var (aa, bb) = (sha[..2], sha[2..4]);
        (string Folder, string NewName)[] expected =
        [
            (_parent, "store"),
            (_store.Root, aa),
            (Path.Combine(_store.Root, aa), bb),
            (Path.Combine(_store.Root, aa, bb), sha),
        ];
        Assert.Equal(expected.Select(e => e.Folder), _syncs.Select(s => s.Folder));
        // Each sync came after the name it makes durable was there.
        foreach (var (want, sync) in expected.Zip(_syncs))
        {
            Assert.Contains(want.NewName, sync.Entries);
        }
    }

    [Fact]
    public async Task Later_content_syncs_only_the_folders_this_process_has_not_synced()
    {
        var first = await _store.PutAsync("first"u8.ToArray(), CancellationToken.None);
        var other = Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes($"other {i}")).First(b => !Sha(b).StartsWith(first[..2], StringComparison.Ordinal));

        _syncs.Clear();
        await _store.PutAsync("first"u8.ToArray(), CancellationToken.None);
        // Already stored: its folder is synced again all the same (a concurrent upload may not have yet).
        Assert.Equal([Path.Combine(_store.Root, first[..2], first[2..4])], _syncs.Select(s => s.Folder));

        _syncs.Clear();
        var second = await _store.PutAsync(other, CancellationToken.None);
        // The root is known durable now; the new aa and bb folders are not.
        Assert.Equal(
            [_store.Root, Path.Combine(_store.Root, second[..2]), Path.Combine(_store.Root, second[..2], second[2..4])],
            _syncs.Select(s => s.Folder));
    }

    [Fact]
    public async Task Deleting_content_syncs_its_folder_after_the_name_is_gone()
    {
        var sha = await _store.PutAsync("to be disposed"u8.ToArray(), CancellationToken.None);
        _syncs.Clear();

        _store.Delete(sha);

        var sync = Assert.Single(_syncs);
        Assert.Equal(Path.Combine(_store.Root, sha[..2], sha[2..4]), sync.Folder);
        Assert.DoesNotContain(sha, sync.Entries);
        Assert.False(File.Exists(_store.PathOf(sha)));
    }

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
