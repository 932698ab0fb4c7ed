namespace CareDesk.Features.People;

/// <summary>Marker for the People strings in <c>Resources/Features/People/PeopleText*.resx</c>.</summary>
public sealed class PeopleText;
