using CityEServices.Archive.Infrastructure.Storage;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>The directory sync the content store relies on: it reaches the kernel, and a bad path is an IOException naming it.</summary>
public sealed class DurableTests : IDisposable
{
    private readonly string _folder = RepositoryPaths.NewDataDirectory("durable");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void An_existing_directory_is_synced()
    {
        Durable.FsyncDirectory(_folder);
    }

    [Fact]
    public void A_missing_directory_is_an_IOException_naming_it()
    {
        var missing = Path.Combine(_folder, "not-there");

        var error = Assert.ThrowsAny<IOException>(() => Durable.FsyncDirectory(missing));

        Assert.IsType<DirectoryNotFoundException>(error);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_not_taken_for_a_directory()
    {
        // Proves O_DIRECTORY is the right bit for this architecture: without it, open(2) accepts a file.
        var file = Path.Combine(_folder, "content");
        File.WriteAllBytes(file, [1, 2, 3]);

        var error = Assert.ThrowsAny<IOException>(() => Durable.FsyncDirectory(file));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }
}
