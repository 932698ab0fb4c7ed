namespace CareDesk.Features.Cases;

/// <summary>
/// The files a case accepts, told apart by their first bytes (their "magic"), never by the name or the content type the
/// uploader sent: a script renamed meter.jpg is refused, a photo from a phone named IMG_0042 is not.
/// </summary>
public static class AttachmentKinds
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Heic = "image/heic";
    public const string Pdf = "application/pdf";

    /// <summary>How many bytes <see cref="Detect"/> needs to decide.</summary>
    public const int HeadLength = 12;

    public static IReadOnlyList<string> Accepted { get; } = ["JPEG", "PNG", "HEIC", "PDF"];

    // ISO base media "ftyp" brands of HEIF images (iPhone photos): HEVC-coded and generic image brands.
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    /// <summary>The content type of a file starting with <paramref name="head"/>, or null when it is none of the accepted kinds.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return HeifBrands.Contains(brand, StringComparer.Ordinal) ? Heic : null;
        }

        return null;
    }

    /// <summary>Whether a browser shows it in the page (photos it can draw); anything else is downloaded.</summary>
    public static bool ShownInline(string contentType) => contentType is Jpeg or Png;

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);
}
