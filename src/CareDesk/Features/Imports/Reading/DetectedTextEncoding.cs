using System.Text;

namespace CareDesk.Features.Imports.Reading;

/// <param name="Name">What the import reports: <c>utf-8-bom</c>, <c>utf-8</c>, <c>gb18030</c>, <c>utf-16le</c> or <c>utf-16be</c>.</param>
/// <param name="Encoding">The decoder to read the text with.</param>
/// <param name="PreambleLength">Bytes of byte-order mark to skip before the text.</param>
public sealed record DetectedTextEncoding(string Name, Encoding Encoding, int PreambleLength);
