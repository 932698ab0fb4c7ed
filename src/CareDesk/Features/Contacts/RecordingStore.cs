using System.Security.Cryptography;
using CareDesk.Platform.Api;
using Microsoft.Extensions.Options;

namespace CareDesk.Features.Contacts;

/// <summary>
/// Uploaded recordings as files under <see cref="ContactsOptions.RecordingsDirectory"/> (never in the database, never
/// in the repository), written to a temporary name while hashed and counted, then moved into place.
/// </summary>
public sealed class RecordingStore(IOptions<ContactsOptions> options)
{
    public sealed record Stored(string FileName, long Bytes, string Sha256);

    public long MaxBytes => options.Value.MaxRecordingBytes;

    public string Directory => Path.GetFullPath(options.Value.RecordingsDirectory);

    public async Task<Result<Stored>> SaveAsync(Guid contactId, Stream content, string extension, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path.Combine(Directory, $".upload-{Guid.NewGuid():N}");
        long total = 0;
        string hash;
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                var buffer = new byte[81_920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > MaxBytes)
                    {
                        return Failure.Invalid("file", "Recording.TooLarge", MaxBytes);
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (total == 0)
            {
                return Failure.Invalid("file", "Recording.Empty");
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var name = $"{contactId:N}-{hash[..16]}{extension}";
            File.Move(temporary, Path.Combine(Directory, name), overwrite: true);
            return new Stored(name, total, hash);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The full path of a stored recording, or null when its file is gone.</summary>
    public string? PathOf(string fileName)
    {
        var path = Path.Combine(Directory, Path.GetFileName(fileName));
        return File.Exists(path) ? path : null;
    }

    /// <summary>A short, safe extension from the upload's name (".wav", ".mp3"...), for whoever lists the directory.</summary>
    public static string Extension(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        return extension.Length is > 1 and <= 6 && extension[1..].All(char.IsAsciiLetterOrDigit) ? extension : ".audio";
    }
}
