namespace CareDesk.Features.Imports.Reading;

/// <summary>A second column naming a field another column already holds; it is not read unless the mapping is overridden.</summary>
public sealed record DuplicateColumn(string Field, int Index, string Header);
