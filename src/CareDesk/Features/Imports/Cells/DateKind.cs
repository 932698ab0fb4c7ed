namespace CareDesk.Features.Imports.Cells;

/// <summary>Which date a cell holds: it decides what is plausible.</summary>
public enum DateKind
{
    /// <summary>Before 1900-01-01 or after today: <see cref="CellReason.ImplausibleDate"/>.</summary>
    Birth,

    /// <summary>After today: <see cref="CellReason.FutureDate"/>; before 1990-01-01 (older than any device we serve): <see cref="CellReason.ImplausibleDate"/>.</summary>
    Purchase,
}
