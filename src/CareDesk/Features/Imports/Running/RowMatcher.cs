using System.Text.RegularExpressions;
using CareDesk.Features.Imports.Matching;

namespace CareDesk.Features.Imports.Running;

/// <summary>
/// The duplicate rules of docs/imports.md ("Duplicates"), over the people an import knows:
/// <list type="number">
/// <item>A shared phone and equivalent names (<see cref="NameEquivalence"/>) is the same person, unless both have a
/// date of birth and they differ, or the remark says the number is a family member's.</item>
/// <item>Else the same name (normalized) and date of birth is the same person, with another phone: merged, and listed
/// for review.</item>
/// <item>Else a new person. A mobile someone of another name holds makes that person their caregiver (it is not added
/// to the new person); a landline is shared as a household's.</item>
/// </list>
/// </summary>
public static partial class RowMatcher
{
    /// <summary>A remark such as 女儿手机, 电话是儿子的, daughter's phone: a kin word and a phone word.</summary>
    public static bool SaysFamilyPhone(string? remark) =>
        remark is not null && KinWord().IsMatch(remark) && PhoneWord().IsMatch(remark);

    /// <param name="mobiles">The row's phones libphonenumber calls mobile (or fixed-line-or-mobile): those a person carries.</param>
    public static RowMatch Match(PersonIndex index, string name, DateOnly? dateOfBirth, IReadOnlyList<string> phones, IReadOnlySet<string> mobiles, string? remark)
    {
        var familyRemark = SaysFamilyPhone(remark);
        KnownPerson? best = null;
        var bestMatch = NameMatch.None;
        foreach (var phone in phones)
        {
            // A family member's number finds the family member, never the person the row is about.
            if (familyRemark && mobiles.Contains(phone))
            {
                continue;
            }

            foreach (var known in index.WithPhone(phone))
            {
                if (!known.OwnPhones.Contains(phone))
                {
                    continue;
                }

                var match = NameEquivalence.Compare(name, known.Name);
                if (match != NameMatch.None && match < bestMatch && !BirthsDiffer(dateOfBirth, known.DateOfBirth))
                {
                    (best, bestMatch) = (known, match);
                }
            }
        }

        string? basis = best is null ? null : Basis(bestMatch);
        if (best is null && dateOfBirth is { } born)
        {
            best = index.WithNameAndBirth(name, born).FirstOrDefault(k => NameEquivalence.Compare(name, k.Name) <= NameMatch.Normalized);
            basis = best is null ? null : MatchBasis.NameAndDateOfBirth;
        }

        var decisions = new List<PhoneDecision>(phones.Count);
        foreach (var phone in phones)
        {
            decisions.Add(Fate(index, best, phone, mobiles.Contains(phone), familyRemark));
        }

        return new RowMatch(best, basis, decisions);
    }

    private static PhoneDecision Fate(PersonIndex index, KnownPerson? person, string phone, bool mobile, bool familyRemark)
    {
        if (person is not null && person.OwnPhones.Contains(phone))
        {
            return new PhoneDecision(phone, PhoneFate.Known, null);
        }

        // Another holder of the number as their own: the first one met.
        var owner = index.WithPhone(phone).FirstOrDefault(k => k != person && k.OwnPhones.Contains(phone));
        if (owner is not null)
        {
            return mobile ? new PhoneDecision(phone, PhoneFate.Caregiver, owner) : new PhoneDecision(phone, PhoneFate.SharedLandline, owner);
        }

        if (person is not null && person.FamilyPhones.Contains(phone))
        {
            return new PhoneDecision(phone, PhoneFate.Known, null);
        }

        if (familyRemark && mobile)
        {
            return new PhoneDecision(phone, PhoneFate.Family, null);
        }

        // The family member whose number others gave: now known, they become those people's caregiver.
        var caredFor = index.WithPhone(phone).Where(k => k != person && k.FamilyPhones.Contains(phone)).ToList();
        return new PhoneDecision(phone, PhoneFate.Own, null, caredFor.Count > 0 ? caredFor : null);
    }

    private static bool BirthsDiffer(DateOnly? a, DateOnly? b) => a is { } x && b is { } y && x != y;

    private static string Basis(NameMatch match) => match switch
    {
        NameMatch.Exact => MatchBasis.Exact,
        NameMatch.Normalized => MatchBasis.PhoneNormalized,
        NameMatch.Traditional => MatchBasis.PhoneTraditional,
        NameMatch.Pinyin => MatchBasis.PhonePinyin,
        NameMatch.Homophone => MatchBasis.PhoneHomophone,
        _ => throw new ArgumentOutOfRangeException(nameof(match), match, "No basis for names that do not match."),
    };

    [GeneratedRegex("女儿|儿子|闺女|孙子|孙女|外孙|老伴|爱人|妻子|丈夫|老婆|老公|媳妇|儿媳|女婿|家属|家人|亲属|子女|母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|侄|保姆|护工|邻居|daughter|son\\b|wife|husband|spouse|family|relative|caregiver|carer|mother|father|brother|sister|neighbou?r", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KinWord();

    [GeneratedRegex("手机|电话|号码|号|联系|phone|mobile|number|cell|tel", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWord();
}
