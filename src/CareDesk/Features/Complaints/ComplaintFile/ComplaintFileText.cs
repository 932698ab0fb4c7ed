namespace CareDesk.Features.Complaints.ComplaintFile;

/// <summary>Marker for the complaint file's strings in <c>Resources/Features/Complaints/ComplaintFile/ComplaintFileText*.resx</c>.</summary>
public sealed class ComplaintFileText;
