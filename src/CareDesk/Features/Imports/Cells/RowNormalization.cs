namespace CareDesk.Features.Imports.Cells;

/// <summary>The normalized row, or every problem found in it: a row with any problem is rejected whole.</summary>
public sealed record RowNormalization(NormalizedRow? Row, IReadOnlyList<CellProblem> Problems)
{
    public bool Accepted => Row is not null;
}
