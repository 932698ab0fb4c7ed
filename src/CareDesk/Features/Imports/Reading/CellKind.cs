namespace CareDesk.Features.Imports.Reading;

/// <summary>What a cell held in the source file: an XLSX date cell must stay apart from text that looks like a date.</summary>
public enum CellKind
{
    Empty,
    Text,
    Number,
    Date,
}
