using System.Diagnostics.CodeAnalysis;

namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// What a cell parser made of one cell: a normalized value, nothing (an empty cell or a placeholder such as
/// <c>无</c> or <c>N/A</c>: whether that is allowed is the row's decision), or the reason it was refused.
/// </summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "CellResult<string>.Of(x) names the type at the call site, as Result<T> does with its conversions.")]
public readonly record struct CellResult<T>
{
    private CellResult(bool hasValue, T? value, CellReason? problem)
    {
        HasValue = hasValue;
        Value = value;
        Problem = problem;
    }

    public bool HasValue { get; }

    public T? Value { get; }

    public CellReason? Problem { get; }

    public bool IsBlank => !HasValue && Problem is null;

    public static CellResult<T> Blank => default;

    public static CellResult<T> Of(T value) => new(true, value, null);

    public static CellResult<T> Fail(CellReason reason) => new(false, default, reason);

    public static implicit operator CellResult<T>(CellReason reason) => Fail(reason);

    public override string ToString() => HasValue ? $"{Value}" : Problem is { } problem ? $"!{problem}" : "(blank)";
}
