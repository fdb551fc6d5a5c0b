using System.Runtime.InteropServices;
using CityEServices.Archive.Infrastructure.Storage;

namespace CityEServices.Archive.IntegrationTests;

/// <summary>
/// The directory sync the content store relies on. Whether a sync reached the disk cannot be seen
/// short of pulling the power, but whether fsync(2) was asked for, on that directory, and what becomes
/// of its answer can: the tests that need it make fsync fail on their own thread (a seccomp filter,
/// which stays with that thread and ends with it) and watch what <see cref="Durable.FsyncDirectory"/> does.
/// </summary>
public sealed class DurableTests : IDisposable
{
    private const int EIO = 5;
    private const int EINVAL = 22;

    private readonly string _folder = RepositoryPaths.NewDataDirectory("durable");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_directory_sync_the_disk_refuses_is_an_IOException_naming_the_directory()
    {
        // Were the fsync left out (or its failure swallowed), the content's name could be lost in a power
        // cut after its row committed, and nobody would know: the store must hear the refusal.
        var error = OnThreadWhereFsyncFails(EIO, () => Assert.ThrowsAny<IOException>(() => Durable.FsyncDirectory(_folder)));

        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
        Assert.Contains("fsync failed", error.Message, StringComparison.Ordinal);
        Assert.Contains($"errno {EIO}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_system_that_cannot_sync_directories_is_taken_as_synced()
    {
        // EINVAL: the file system has no directory sync at all (PostgreSQL takes it the same way).
        var error = OnThreadWhereFsyncFails(EINVAL, () => Record.Exception(() => Durable.FsyncDirectory(_folder)));

        Assert.Null(error);
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

    /// <summary>Runs <paramref name="action"/> on a thread of its own on which every fsync(2) fails with <paramref name="errno"/>.</summary>
    private static T OnThreadWhereFsyncFails<T>(int errno, Func<T> action)
    {
        Assert.True(OperatingSystem.IsLinux(), "directory sync is a Linux system call; the service runs on Linux");
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                FsyncFilter.Install(errno);
                result = action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The test thread failed.", failure);
        }

        return result;
    }

    /// <summary>A seccomp filter for the calling thread alone (no TSYNC): fsync(2) answers an error, every other call goes through.</summary>
    private static class FsyncFilter
    {
        private const int PR_SET_NO_NEW_PRIVS = 38;
        private const int PR_SET_SECCOMP = 22;
        private const int SECCOMP_MODE_FILTER = 2;
        private const uint SECCOMP_RET_ALLOW = 0x7fff0000;
        private const uint SECCOMP_RET_ERRNO = 0x00050000;

        // Classic BPF opcodes: load a word at an absolute offset, jump if equal, return.
        private const ushort LoadWord = 0x20;
        private const ushort JumpIfEqual = 0x15;
        private const ushort Return = 0x06;

        public static void Install(int errno)
        {
            var fsync = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => 74u,
                Architecture.Arm64 => 82u,
                var other => throw new PlatformNotSupportedException($"fsync's system call number on {other} is not known to this test."),
            };
            SockFilter[] program =
            [
                new(LoadWord, 0, 0, 0), // seccomp_data.nr
                new(JumpIfEqual, 0, 1, fsync),
                new(Return, 0, 0, SECCOMP_RET_ERRNO | (uint)errno),
                new(Return, 0, 0, SECCOMP_RET_ALLOW),
            ];
            var handle = GCHandle.Alloc(program, GCHandleType.Pinned);
            var fprog = Marshal.AllocHGlobal(Marshal.SizeOf<SockFprog>());
            try
            {
                Marshal.StructureToPtr(new SockFprog { Length = (ushort)program.Length, Filter = handle.AddrOfPinnedObject() }, fprog, fDeleteOld: false);
                // Without no_new_privs an unprivileged process may not install a filter; it only affects execve.
                Check(Prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "PR_SET_NO_NEW_PRIVS");
                Check(Prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, (nuint)fprog, 0, 0), "PR_SET_SECCOMP");
            }
            finally
            {
                Marshal.FreeHGlobal(fprog);
                handle.Free();
            }
        }

        private static void Check(int result, string what)
        {
            if (result != 0)
            {
                throw new InvalidOperationException($"prctl({what}) failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private readonly struct SockFilter(ushort code, byte jumpTrue, byte jumpFalse, uint k)
        {
            public readonly ushort Code = code;
            public readonly byte JumpTrue = jumpTrue;
            public readonly byte JumpFalse = jumpFalse;
            public readonly uint K = k;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct SockFprog
        {
            public ushort Length;
            public IntPtr Filter;
        }

        [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
        private static extern int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
    }
}
