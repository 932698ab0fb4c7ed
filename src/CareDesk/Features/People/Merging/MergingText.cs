namespace CareDesk.Features.People.Merging;

/// <summary>Marker for the merge and unmerge strings in <c>Resources/Features/People/Merging/MergingText*.resx</c>.</summary>
public sealed class MergingText;
