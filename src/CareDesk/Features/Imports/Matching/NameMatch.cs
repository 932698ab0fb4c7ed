namespace CareDesk.Features.Imports.Matching;

/// <summary>
/// How two written names are one person's name, strongest evidence first; the rules are in docs/imports.md,
/// "When two names are one person's". In lower case it is the name half of a duplicate row's basis (issue 15).
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
