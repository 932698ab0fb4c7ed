using PhoneNumbers;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// A phone read from an imported cell: E.164, what libphonenumber says it is (a mobile typed in the landline column is
/// still a mobile), and the extension typed after it, kept apart from the number people are found by.
/// </summary>
public sealed record ImportedPhone(string E164, PhoneNumberType Type, string? Extension);
