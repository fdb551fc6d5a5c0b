using System.Runtime.InteropServices;

namespace CityEServices.Archive.Infrastructure.Storage;

/// <summary>
/// Durability of directory entries. Flushing a file makes its bytes durable, not its name: a rename or
/// a new folder is a change to the parent directory, which after a power loss may be gone even though
/// a database row naming the file committed. Syncing the directory itself closes that gap.
/// </summary>
public static partial class Durable
{
    private const int ENOENT = 2;
    private const int EINVAL = 22;

    // Linux open(2) flags; O_DIRECTORY differs by architecture (asm-generic vs. ARM and POWER).
    private const int O_RDONLY = 0;
    private const int O_CLOEXEC = 0x80000;

    private static readonly int O_DIRECTORY =
        RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le ? 0x4000 : 0x10000;

    /// <summary>Flushes <paramref name="path"/>'s own entries (names created, renamed or removed in it) to the disk.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="IOException">It cannot be opened as a directory or synced.</exception>
    public static void FsyncDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            // Windows has no directory fsync through .NET (NTFS journals its metadata itself); macOS's
            // fsync does not reach the platter without F_FULLFSYNC. The service runs on Linux; elsewhere
            // (a developer's machine) only the contract is kept.
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"Cannot sync directory '{path}': it does not exist.");
            }

            return;
        }

        var fd = Open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
        {
            throw Failure("open", path, Marshal.GetLastPInvokeError());
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // EINVAL: a file system that cannot sync directories at all; PostgreSQL takes that as done too.
                if (errno != EINVAL)
                {
                    throw Failure("fsync", path, errno);
                }
            }
        }
        finally
        {
            // A read-only descriptor: nothing close(2) could still fail to write.
            _ = Close(fd);
        }
    }

    private static IOException Failure(string call, string path, int errno)
    {
        var message = $"Cannot sync directory '{path}': {call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).";
        return errno == ENOENT ? new DirectoryNotFoundException(message) : new IOException(message);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
