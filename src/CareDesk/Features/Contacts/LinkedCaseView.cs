namespace CareDesk.Features.Contacts;

/// <summary>A case the contact concerns.</summary>
public sealed record LinkedCaseView(Guid Id, string Number, string Subject, string Status);
