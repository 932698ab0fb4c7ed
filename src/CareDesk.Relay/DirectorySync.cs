using System.Runtime.InteropServices;

namespace CareDesk.Relay;

/// <summary>
/// fsync of a folder, so a file renamed into it survives a power cut: a rename is durable only once the folder's entry
/// is on disk. .NET has no API for it (a folder cannot be opened as a FileStream), so it is libc's open/fsync/close.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY
    private const int Directory = 0x10000; // O_DIRECTORY on Linux (x64 and arm64)

    public static void Flush(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Elsewhere the file's own flush is what there is.
        }

        var descriptor = Open(path, ReadOnly | Directory);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open the folder {path} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"Cannot flush the folder {path} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
