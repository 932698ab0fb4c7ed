namespace CareDesk.Features.Imports;

/// <summary>One uploaded file: its name as sent and its content (read once).</summary>
public sealed record ImportUpload(string FileName, Stream Content);
