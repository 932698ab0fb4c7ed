using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Imports;

/// <summary>
/// Uploaded lists as files under <see cref="ImportsOptions.StorageDirectory"/> (never in the repository), one folder
/// per import, written to a temporary name while hashed and counted, then moved into place.
/// </summary>
public sealed class ImportStorage(IOptions<ImportsOptions> options)
{
    public sealed record Stored(string Path, long Bytes, string Sha256);

    public string Directory => Path.GetFullPath(options.Value.StorageDirectory);

    /// <summary>Stores file <paramref name="index"/> of an import; null when it is larger than allowed.</summary>
    public async Task<Stored?> SaveAsync(Guid importId, int index, Stream content, CancellationToken cancellationToken)
    {
        var folder = FolderOf(importId);
        System.IO.Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        try
        {
            long total = 0;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                var buffer = new byte[81_920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > options.Value.MaxFileBytes)
                    {
                        return null;
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var path = PathOf(importId, index);
            File.Move(temporary, path, overwrite: true);
            return new Stored(path, total, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public string PathOf(Guid importId, int index) => Path.Combine(FolderOf(importId), index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Stream? Open(Guid importId, int index)
    {
        var path = PathOf(importId, index);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920) : null;
    }

    /// <summary>Removes an import's files (after it completed, or when it was refused before it started).</summary>
    public void Delete(Guid importId)
    {
        var folder = FolderOf(importId);
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private string FolderOf(Guid importId) => Path.Combine(Directory, importId.ToString("N"));
}
