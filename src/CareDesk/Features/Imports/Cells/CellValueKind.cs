namespace CareDesk.Features.Imports.Cells;

/// <summary>What a spreadsheet cell held: nothing, text (every CSV cell), or an XLSX number or date.</summary>
public enum CellValueKind
{
    Empty,
    Text,
    Number,
    Date,
}
