namespace CareDesk.Features.Contacts;

/// <summary>Marker for the contact strings in <c>Resources/Features/Contacts/ContactsText*.resx</c>.</summary>
public sealed class ContactsText;
