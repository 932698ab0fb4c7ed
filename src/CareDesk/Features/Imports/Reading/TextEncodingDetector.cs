using System.Buffers;
using System.Text;

namespace CareDesk.Features.Imports.Reading;

/// <summary>
/// The encoding of a text file, detected and never asked: a BOM decides; else bytes that are valid UTF-8 are UTF-8
/// (a GB18030 text of any length is practically never valid UTF-8); else GB18030, which Chinese Excel writes as "CSV"
/// and which, unlike GBK, covers every Unicode character including those outside the BMP.
/// </summary>
public static class TextEncodingDetector
{
    public const string Utf8Bom = "utf-8-bom";
    public const string Utf8 = "utf-8";
    public const string Gb18030 = "gb18030";
    public const string Utf16LittleEndian = "utf-16le";
    public const string Utf16BigEndian = "utf-16be";

    // Strict: invalid bytes throw instead of becoming U+FFFD, so a mis-detection fails loudly rather than corrupting names.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The GB18030 decoder; bytes invalid even there become U+FFFD, as there is nothing left to try.</summary>
    public static Encoding Gb18030Encoding { get; } = RegisterCodePagesAndGetGb18030();

    /// <summary>Detects from the whole stream (one streaming pass, constant memory), then puts the stream back where it was.</summary>
    public static DetectedTextEncoding Detect(Stream stream)
    {
        const int ChunkBytes = 64 * 1024;
        var start = stream.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes);
        try
        {
            var filled = stream.ReadAtLeast(buffer.AsSpan(0, 4), 4, throwOnEndOfStream: false);
            var bom = FromByteOrderMark(buffer.AsSpan(0, filled));
            if (bom is not null)
            {
                return bom;
            }

            // Validate chunk by chunk; an incomplete sequence at a chunk's end is carried into the next one.
            var carried = filled;
            while (true)
            {
                var read = stream.Read(buffer, carried, ChunkBytes - carried);
                var available = carried + read;
                var isFinal = read == 0;
                var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, available), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
                if (status == OperationStatus.InvalidData)
                {
                    return new DetectedTextEncoding(Gb18030, Gb18030Encoding, 0);
                }

                if (isFinal)
                {
                    return new DetectedTextEncoding(Utf8, StrictUtf8, 0);
                }

                // DestinationTooSmall cannot happen (one char per byte at most); NeedMoreData leaves a tail to carry.
                carried = available - consumed;
                buffer.AsSpan(consumed, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
            stream.Position = start;
        }
    }

    public static DetectedTextEncoding Detect(ReadOnlySpan<byte> bytes)
    {
        var bom = FromByteOrderMark(bytes);
        if (bom is not null)
        {
            return bom;
        }

        return System.Text.Unicode.Utf8.IsValid(bytes)
            ? new DetectedTextEncoding(Utf8, StrictUtf8, 0)
            : new DetectedTextEncoding(Gb18030, Gb18030Encoding, 0);
    }

    private static Encoding RegisterCodePagesAndGetGb18030()
    {
        // The code pages ship in the .NET runtime (no package needed) but are only served once the provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    private static DetectedTextEncoding? FromByteOrderMark(ReadOnlySpan<byte> head)
    {
        if (head is [0xEF, 0xBB, 0xBF, ..])
        {
            return new DetectedTextEncoding(Utf8Bom, StrictUtf8, 3);
        }

        // Excel's "Unicode text" export is UTF-16 with a BOM (tab-delimited); it is cheap to accept.
        if (head is [0xFF, 0xFE, ..])
        {
            return new DetectedTextEncoding(Utf16LittleEndian, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (head is [0xFE, 0xFF, ..])
        {
            return new DetectedTextEncoding(Utf16BigEndian, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return null;
    }
}
