namespace CareDesk.Features.Complaints.Imdrf;

/// <summary>One IMDRF adverse event term (IMDRF/AE WG/N43, annexes A–G).</summary>
/// <param name="Annex">A device problem, B investigation type, C findings, D conclusion, E clinical health effect, F health
/// impact, G component.</param>
/// <param name="Parents">Empty at the top; annex E places some terms under several (E0104 under E01 and E05).</param>
/// <param name="Selectable">False for IMDRF's "not selectable" grouping terms and retired terms.</param>
public sealed record ImdrfTerm(char Annex, string Code, IReadOnlyList<string> Parents, bool Selectable, string Term, string Definition)
{
    /// <summary>
    /// 1 for a top-level code (A01), 2 for A0101, 3 for A010101: the code's own level, which a second placement in annex
    /// E may not match (E0507 also sits under E22).
    /// </summary>
    public int Level => (Code.Length - 1) / 2;
}
