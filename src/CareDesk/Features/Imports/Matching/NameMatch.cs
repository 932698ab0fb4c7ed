namespace CareDesk.Features.Imports.Matching;

/// <summary>
/// How two written names are one person's name, strongest evidence first; the rules are in docs/imports.md,
/// "When two names are one person's". The duplicate basis of an import row names it in lower case (<c>pinyin</c>).
/// </summary>
public enum NameMatch
{
    Exact,
    Normalized,
    Traditional,
    Pinyin,
    Homophone,
    None,
}
